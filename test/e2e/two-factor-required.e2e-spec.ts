import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, enrolTotp, Member } from '../support/factories';
import { PortalClient } from '../support/portal-client';

const sessionIdOf = (browser: PortalClient) => browser.sessionCookie()?.value;

describe('A company that requires two-factor authentication', () => {
  let firm: Company;
  let member: Member;
  let signingIn: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Vidal Avocats', requireTotp: true });
    member = await activeMember(firm);
    signingIn = browserOn(firm.host);
  });

  test('sends a user without 2FA to enrol after the password, not yet signed in', async () => {
    const login = await signingIn.post('/api/auth/login', credentialsOf(member));

    expect(login.status).toBe(200);
    expect(login.body).toEqual({ next: 'totp_enroll' });
    expect((await signingIn.get('/api/auth/state')).body).toEqual({ next: 'totp_enroll' });
    expectError(await signingIn.get('/api/me'), 401, 'unauthenticated');
  });

  test('setting up and confirming during that step answers the recovery codes, next "done" and me', async () => {
    const beforeConfirm = sessionIdOf(signingIn);

    const { confirmation } = await enrolTotp(signingIn);

    expect(confirmation.body).toEqual({
      recoveryCodes: expect.any(Array),
      next: 'done',
      me: expect.objectContaining({ user: expect.objectContaining({ email: member.email, totpEnabled: true }) }),
    });
    expect(confirmation.body.recoveryCodes).toHaveLength(10);
    expect(confirmation.body.me.portal).toMatchObject({ id: firm.id });
    expect(sessionIdOf(signingIn)).not.toBe(beforeConfirm);
  });

  test('the user is then signed in', async () => {
    expect((await signingIn.get('/api/auth/state')).body).toEqual({ next: 'done' });
    expect((await signingIn.get('/api/me')).body.user).toMatchObject({ email: member.email, totpEnabled: true });
  });

  test('the next sign-in asks for a code', async () => {
    const login = await browserOn(firm.host).post('/api/auth/login', credentialsOf(member));

    expect(login.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
  });
});
