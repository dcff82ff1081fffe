import { expectError } from '../support/api-error';
import {
  activeMember,
  browserOn,
  Company,
  createCompany,
  enrolTotp,
  Member,
  signedInClient,
  signedInOnEasyAccess,
  strongPassword,
} from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';
import { wrongCode } from '../support/totp';

/**
 * An attacker who once read a reset mail (a shared mailbox, a forwarded
 * message) keeps its link. The user then changes the password, or turns 2FA on
 * or off, believing the account safe: the old link must no longer set a password.
 */
describe('A password or 2FA change ends every reset link mailed before it', () => {
  const mailbox = new Mailbox();
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Perrin Fiduciaire' });
  });

  async function mailedResetToken(member: Member): Promise<string> {
    expect((await browserOn(firm.host).post('/api/auth/password/forgot', { email: member.email })).status).toBe(202);
    return tokenOf(mailbox.linkIn(await mailbox.waitFor({ to: member.email, containing: '/reset-password/' }), '/reset-password/'));
  }

  function resetWith(token: string) {
    return browserOn(firm.host).post('/api/auth/password/reset', { token, password: strongPassword() });
  }

  test('a link mailed before a password change: 400 invalid_token', async () => {
    const member = await activeMember(firm);
    const token = await mailedResetToken(member);
    const browser = await signedInClient(firm, member);

    const changed = await browser.post('/api/me/password', { currentPassword: member.password, newPassword: strongPassword() });

    expect(changed.status).toBe(204);
    expectError(await resetWith(token), 400, 'invalid_token');
  });

  test('a link mailed before 2FA is turned on: 400 invalid_token', async () => {
    const member = await activeMember(firm);
    const token = await mailedResetToken(member);
    const browser = await signedInClient(firm, member);

    await enrolTotp(browser);

    expectError(await resetWith(token), 400, 'invalid_token');
  });

  test('a wrong code at the 2FA set-up leaves the link working: whoever holds only the password cannot void her recovery', async () => {
    const member = await activeMember(firm);
    const token = await mailedResetToken(member);
    const intruder = await signedInClient(firm, member);
    const setup = await intruder.post('/api/me/totp/setup');
    expect(setup.status).toBe(200);

    const confirmed = await intruder.post('/api/me/totp/confirm', { code: wrongCode((setup.body as { secret: string }).secret) });

    expectError(confirmed, 401, 'invalid_code');

    expect((await resetWith(token)).status).toBe(204);
  });

  test('a link mailed before 2FA is turned off: 400 invalid_token', async () => {
    const member = await activeMember(firm);
    // On the easy access host, where the account's code changes.
    const browser: PortalClient = await signedInOnEasyAccess(firm, member);
    await enrolTotp(browser);
    const token = await mailedResetToken(member);

    const disabled = await browser.delete('/api/me/totp', { json: { password: member.password } });

    expect(disabled.status).toBe(204);
    expectError(await resetWith(token), 400, 'invalid_token');
  });

  test('a link mailed after the change still works', async () => {
    const member = await activeMember(firm);
    const browser = await signedInClient(firm, member);
    await enrolTotp(browser);
    const token = await mailedResetToken(member);

    expect((await resetWith(token)).status).toBe(204);
  });
});
