import { expectError } from '../support/api-error';
import {
  activeMember,
  addMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  enrolTotp,
  Member,
  memberWithTotp,
  signedInOnEasyAccess,
} from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { anotherMachineAddress } from '../support/portal-client';

/** Where a company requires 2FA, no way into its portal skips it, and a factor is not replaced with a session alone. */
describe('Two-factor authentication that a company requires', () => {
  let open: Company;
  let strict: Company;

  beforeAll(async () => {
    open = await createCompany({ name: 'Perrin Conseil' });
    strict = await createCompany({ name: 'Vasseur Avocats', requireTotp: true });
  });

  /** A member of both companies, without 2FA. */
  const memberOfBoth = async (): Promise<Member> => {
    const member = await activeMember(open);
    await addMember(strict, { email: member.email });
    return member;
  };

  test('is not skipped by switching portal: 403 totp_required, until the user has it', async () => {
    const member = await memberOfBoth();
    // Portals are switched on the easy access host: a company's host sees only its own.
    const browser = await signedInOnEasyAccess(open, member);

    expectError(await browser.post('/api/me/portal', { portalId: strict.id }), 403, 'totp_required');
    expect((await browser.get('/api/me')).body.portal).toMatchObject({ id: open.id });

    await enrolTotp(browser);
    const switched = await browser.post('/api/me/portal', { portalId: strict.id });

    expect(switched.status).toBe(200);
    expect(switched.body.portal).toMatchObject({ id: strict.id });
  });

  test('is not skipped by the mobile app: no device for a portal that requires it, the device of another gets no such portal', async () => {
    expectError(await new MobileApp().login(credentialsOf(await activeMember(strict))), 403, 'totp_required');

    const member = await memberOfBoth();
    const app = new MobileApp();
    const registered = await app.signIn(member, '2749');

    expect(registered.body).toMatchObject({ next: 'select_portal' });
    expectError(await app.post('/api/me/portal', { portalId: strict.id }), 403, 'totp_required');
    expectError(await app.get('/api/me'), 403, 'forbidden');
  });

  test('an active factor is not replaced from a session: setup answers 409 conflict', async () => {
    const member = await memberWithTotp(open);

    expectError(await member.browser.post('/api/me/totp/setup'), 409, 'conflict');
  });

  test('turning it off counts wrong passwords against the sign-in limits', async () => {
    const member = await activeMember(open);
    // From an address of its own, so that only the email's limit (10 failures) can refuse.
    // On the easy access host, where the account's code changes.
    const fromElsewhere = browserOn(open.gateway.easyAccessHost, open.gateway, { sourceAddress: anotherMachineAddress() });
    expect((await fromElsewhere.post('/api/auth/login', credentialsOf(member))).body.next).toBe('done');
    await enrolTotp(fromElsewhere);

    const answers = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      answers.push((await fromElsewhere.request('DELETE', '/api/me/totp', { json: { password: 'Not-the-right-one-42' } })).status);
    }

    expect(answers.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(answers[10]).toBe(429);
  });
});
