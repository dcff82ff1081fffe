import { activeMember, browserOn, Company, createCompany, Member, signedInClient, strongPassword } from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { registeredPasskey, signInWithPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * A passkey is no password and knows none: changing or resetting the password
 * ends the other sessions, yet leaves the passkeys, which still sign in.
 */
describe('Passkeys outlive a new password', () => {
  const mailbox = new Mailbox();
  const laptop = new SoftwareAuthenticator();
  let firm: Company;
  let claire: Member;
  let browser: PortalClient;
  let passkey: { id: string; name: string };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Roux Associés' });
    claire = await activeMember(firm);
    browser = await signedInClient(firm, claire);
    passkey = await registeredPasskey(browser, laptop, 'Mon ordinateur');
  });

  test('after she changes her password, her passkeys list still has it, and it signs in', async () => {
    const newPassword = strongPassword();
    expect((await browser.post('/api/me/password', { currentPassword: claire.password, newPassword })).status).toBe(204);

    expect((await browser.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ id: passkey.id, name: 'Mon ordinateur' })]);
    expect((await signInWithPasskey(browserOn(firm.host), laptop)).body.next).toBe('done');
  });

  test('after she resets a forgotten password, too', async () => {
    expect((await browserOn(firm.host).post('/api/auth/password/forgot', { email: claire.email })).status).toBe(202);
    const link = mailbox.linkIn(await mailbox.waitFor({ to: claire.email, containing: '/reset-password/' }), '/reset-password/');
    const reset = await browserOn(firm.host).post('/api/auth/password/reset', { token: tokenOf(link), password: strongPassword() });
    expect(reset.status).toBe(204);

    const signedIn = browserOn(firm.host);
    expect((await signInWithPasskey(signedIn, laptop)).body.next).toBe('done');
    expect((await signedIn.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ id: passkey.id, name: 'Mon ordinateur' })]);
  });
});
