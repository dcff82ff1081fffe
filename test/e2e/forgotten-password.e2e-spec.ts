import { expectError } from '../support/api-error';
import {
  activeMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  Member,
  signedInClient,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';

describe('A client who forgot the password', () => {
  const mailbox = new Mailbox();
  const { port } = sharedGateway();
  let firm: Company;
  let member: Member;
  let earlierSession: PortalClient;
  let resetLink: string;
  const newPassword = strongPassword();

  beforeAll(async () => {
    firm = await createCompany({ name: 'Moreau Comptabilité' });
    member = await activeMember(firm);
    earlierSession = await signedInClient(firm, member);
  });

  test('asks for a link: 202 for a known and for an unknown email alike, and only the known one gets a mail', async () => {
    const unknownEmail = uniqueEmail('forgetful');
    const browser = browserOn(firm.host);

    const forUnknown = await browser.post('/api/auth/password/forgot', { email: unknownEmail });
    const forKnown = await browser.post('/api/auth/password/forgot', { email: member.email });

    expect(forKnown.status).toBe(202);
    expect(forUnknown.status).toBe(202);
    const mail = await mailbox.waitFor({ to: member.email, containing: '/reset-password/' });
    resetLink = mailbox.linkIn(mail, '/reset-password/');
    expect(resetLink.startsWith(`http://${sharedGateway().easyAccessHost}:${port}/reset-password/`)).toBe(true);
    // The unknown email was asked for first: its mail, were there one, would have arrived by now.
    expect(mailbox.matching({ to: unknownEmail })).toEqual([]);
  });

  test.each([
    ['too short', 'Sh0rt-pw'],
    ['a common password', 'password123'],
  ])('a new password that is %s is refused with 422 weak_password', async (_case, password) => {
    const reset = await browserOn(firm.host).post('/api/auth/password/reset', { token: tokenOf(resetLink), password });

    expectError(reset, 422, 'weak_password');
  });

  test('sets a new password from the mailed link', async () => {
    const reset = await browserOn(firm.host).post('/api/auth/password/reset', { token: tokenOf(resetLink), password: newPassword });

    expect(reset.status).toBe(204);
  });

  test('can no longer sign in with the old password, and signs in with the new one', async () => {
    const withOld = await browserOn(firm.host).post('/api/auth/login', credentialsOf(member));
    const withNew = await browserOn(firm.host).post('/api/auth/login', { email: member.email, password: newPassword });

    expectError(withOld, 401, 'invalid_credentials');
    expect(withNew.status).toBe(200);
    expect(withNew.body).toMatchObject({ next: 'done' });
  });

  test('is signed out of the session opened before the reset', async () => {
    const me = await earlierSession.get('/api/me');

    expectError(me, 401, 'unauthenticated');
  });

  test.each([
    ['a link already used', () => tokenOf(resetLink)],
    ['an unknown link', () => 'this-token-was-never-issued-0123456789'],
  ])('%s is refused with 400 invalid_token', async (_case, token) => {
    const reset = await browserOn(firm.host).post('/api/auth/password/reset', { token: token(), password: strongPassword() });

    expectError(reset, 400, 'invalid_token');
  });
});
