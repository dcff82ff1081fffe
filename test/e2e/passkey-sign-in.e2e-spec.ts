import { expectError } from '../support/api-error';
import {
  activate,
  addMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { registeredPasskey, registeredPasskeyOnSecondHost, signInOptions, signInWithPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * Claire, a client of two firms, made a passkey on firm A's portal and one on
 * the easy access host. Signed out, she signs in with a passkey alone: no
 * email, no password (usernameless; autofill sends the same request).
 */
describe('Signing in with a passkey, usernameless', () => {
  const claire = { email: uniqueEmail('claire'), password: strongPassword() };
  const phone = new SoftwareAuthenticator();
  let firmA: Company;
  let firmB: Company;

  const signedInOn = async (browser: PortalClient) => {
    const login = await browser.post('/api/auth/login', credentialsOf(claire));
    if (login.body.next === 'select_portal') await browser.post('/api/auth/portal', { portalId: firmA.id });
    return browser;
  };

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Bertin Conseil' });
    firmB = await createCompany({ name: 'Bertin Patrimoine' });
    const invitation = await addMember(firmA, { email: claire.email, name: 'Claire Bertin' });
    await activate(browserOn(firmA.host), invitation.token!, claire.password);
    await addMember(firmB, { email: claire.email, name: 'Claire Bertin' });
    const onA = await signedInOn(browserOn(firmA.host));
    await registeredPasskey(onA, phone);
    const onEasyAccess = easyAccessBrowser();
    await registeredPasskeyOnSecondHost(onA, onEasyAccess, claire, phone, signedInOn);
    expect((await onA.post('/api/auth/logout')).status).toBe(204);
    expect((await onEasyAccess.post('/api/auth/logout')).status).toBe(204);
  });

  test('the options make this host the relying party, name no passkey, and require user verification', async () => {
    const options = await signInOptions(browserOn(firmA.host));

    expect(options).toMatchObject({ rpId: firmA.host, allowCredentials: [], userVerification: 'required', challenge: expect.any(String) });
  });

  test("on firm A's portal: done, signed in to A as Claire, with a session cookie", async () => {
    const browser = browserOn(firmA.host);

    const answer = await signInWithPasskey(browser, phone);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ next: 'done', me: expect.objectContaining({ user: expect.objectContaining({ email: claire.email }) }) });
    expect(answer.body.me.portal).toMatchObject({ id: firmA.id });
    expect(browser.sessionCookie()).toBeDefined();
    expect((await browser.get('/api/me')).body.user).toMatchObject({ email: claire.email });
  });

  test('the passkey shows it was used', async () => {
    const browser = browserOn(firmA.host);
    await signInWithPasskey(browser, phone);

    expect((await browser.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ lastUsedAt: expect.any(String) })]);
  });

  test('on the easy access host, with two portals: she chooses one, then done', async () => {
    const browser = easyAccessBrowser();

    const answer = await signInWithPasskey(browser, phone);

    expect(answer.status).toBe(200);
    expect(answer.body.next).toBe('select_portal');
    expect(answer.body.portals.map((portal: { id: string }) => portal.id).sort()).toEqual([firmA.id, firmB.id].sort());
    expectError(await browser.get('/api/me'), 401, 'unauthenticated');

    const chosen = await browser.post('/api/auth/portal', { portalId: firmB.id });
    expect(chosen.body).toMatchObject({ next: 'done', me: { portal: { id: firmB.id }, user: { email: claire.email } } });
    expect((await browser.get('/api/me')).body.portal).toMatchObject({ id: firmB.id });
  });

  test("the easy access host's options name it as the relying party", async () => {
    expect((await signInOptions(easyAccessBrowser())).rpId).toBe(sharedGateway().easyAccessHost);
  });

  test('an authenticator that sends no userHandle: the credential names its owner, done', async () => {
    const answer = await signInWithPasskey(browserOn(firmA.host), phone, { userHandle: null });

    expect(answer.body).toMatchObject({ next: 'done', me: { user: { email: claire.email } } });
  });

  test('signing in with the passkey ends the session the browser had before: a new cookie', async () => {
    const browser = browserOn(firmA.host);
    await signedInOn(browser);
    const before = browser.sessionCookie()?.value;

    expect((await signInWithPasskey(browser, phone)).body.next).toBe('done');
    expect(browser.sessionCookie()?.value).not.toBe(before);
  });
});
