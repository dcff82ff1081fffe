import { expectError } from '../support/api-error';
import { queryRunDatabase } from '../support/databases';
import { activeMember, addMember, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { createPasskey } from '../support/passkeys';
import { anotherMachineAddress } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { codeForStep, currentStepWithMargin } from '../support/totp';

/**
 * Élodie, who has 2FA on, makes a passkey from the app on her first phone;
 * on her new phone she signs in with it alone (it syncs), straight to the PIN,
 * and the new device enters the portal that requires 2FA.
 */
describe('Signing in to the mobile app with a passkey', () => {
  const { easyAccessHost } = sharedGateway();
  const firstPhone = new MobileApp();
  const newPhone = new MobileApp();
  const keychain = new SoftwareAuthenticator();
  const pin = '3917';
  let firm: Company;
  let strictFirm: Company;
  let elodie: TotpMember;

  beforeAll(async () => {
    [firm, strictFirm] = await Promise.all([createCompany({ name: 'Roux Comptables' }), createCompany({ name: 'Blanc Notaires', requireTotp: true })]);
    elodie = await memberWithTotp(firm, { name: 'Élodie Roux' });
    await addMember(strictFirm, { email: elodie.email });
    const code = codeForStep(elodie.secret, await currentStepWithMargin());
    await firstPhone.signInWithSecondFactor(credentialsOf(elodie), { code }, pin);
    expect((await firstPhone.post('/api/me/portal', { portalId: firm.id })).status).toBe(200);
  });

  test('the app makes a passkey for the easy access host with its access token, through the web\'s routes', async () => {
    const options = (await firstPhone.post('/api/me/passkeys/registration-options')).body;
    expect(options).toMatchObject({ rp: { id: easyAccessHost }, authenticatorSelection: { residentKey: 'required', userVerification: 'required' } });

    const made = await firstPhone.post('/api/me/passkeys', { response: keychain.create(options, firstPhone.client.origin) });

    expect(made.status).toBe(201);
    expect((await firstPhone.get('/api/me/passkeys')).body).toEqual([made.body]);
  });

  test('the sign-in options are usernameless, for the easy access host, with user verification required', async () => {
    const options = await newPhone.post('/api/mobile/login/passkey/options', undefined, null);

    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({ rpId: easyAccessHost, allowCredentials: [], userVerification: 'required', challenge: expect.any(String) });
  });

  let loginToken: string;
  let signedAssertion: unknown;

  test('the passkey signs in alone, straight to the PIN: it counts as two factors, though she has 2FA on', async () => {
    const { assertion, answer } = await newPhone.loginWithPasskey(keychain);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ loginToken: expect.any(String), next: 'create_pin' });
    loginToken = answer.body.loginToken;
    signedAssertion = assertion;
  });

  test('the same assertion sent again is refused: its challenge was used', async () => {
    expectError(await newPhone.post('/api/mobile/login/passkey', { response: signedAssertion }, null), 400, 'passkey_challenge_expired');
  });

  test('the device registers as after a password, and enters the portal that requires 2FA', async () => {
    const registered = await newPhone.register(loginToken, pin);

    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ next: 'select_portal', portals: expect.arrayContaining([expect.objectContaining({ id: strictFirm.id })]) });
    expect((await newPhone.post('/api/me/portal', { portalId: strictFirm.id })).status).toBe(200);
  });

  test('the device keeps the passkey as its factor: the next unlock with the PIN opens the portal that requires 2FA', async () => {
    const unlocked = await newPhone.unlockWithPin(pin);

    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ next: 'done' });
    expect((await newPhone.get('/api/me')).body).toMatchObject({ user: { email: elodie.email }, portal: { id: strictFirm.id } });
  });

  test('a passkey made on a company\'s host does not sign in to the app: 401 invalid_passkey', async () => {
    const laptop = new SoftwareAuthenticator();
    expect((await createPasskey(elodie.browser, laptop)).status).toBe(201);
    const companyPasskey = laptop.newestFor(firm.host);

    const asItIs = await newPhone.loginWithPasskey(laptop, elodie.browser.origin, { rpId: firm.host }, companyPasskey);
    const presentedHere = await newPhone.loginWithPasskey(laptop, newPhone.client.origin, {}, companyPasskey);

    expectError(asItIs.answer, 401, 'invalid_passkey');
    expectError(presentedHere.answer, 401, 'invalid_passkey');
  });

  test('an assertion from another origin (a phishing site, an Android app the gateway does not know) is refused: 401 invalid_passkey', async () => {
    const phishing = await newPhone.loginWithPasskey(keychain, `https://${easyAccessHost}.example.net`);
    const otherApp = await newPhone.loginWithPasskey(keychain, `android:apk-key-hash:${Buffer.alloc(32, 7).toString('base64url')}`);

    expectError(phishing.answer, 401, 'invalid_passkey');
    expectError(otherApp.answer, 401, 'invalid_passkey');
  });

  test('an assertion without user verification is refused: 401 invalid_passkey', async () => {
    expectError((await newPhone.loginWithPasskey(keychain, undefined, { userVerified: false })).answer, 401, 'invalid_passkey');
  });

  test('the passkey of a user who belongs to no portal any more is refused like a wrong password: 401 invalid_credentials', async () => {
    const leaver = await activeMember(firm);
    const app = new MobileApp();
    const phone = new SoftwareAuthenticator();
    await app.signIn(credentialsOf(leaver), pin);
    expect((await app.createPasskey(phone)).status).toBe(201);
    await queryRunDatabase('delete from tenancy.memberships where user_id = ?', [leaver.userId]);

    expectError((await app.loginWithPasskey(phone)).answer, 401, 'invalid_credentials');
  });

  test('the options are limited per address: 429 rate_limited with Retry-After', async () => {
    const crowded = new MobileApp(sharedGateway(), { sourceAddress: anotherMachineAddress() });
    const answers = [];
    for (let attempt = 0; attempt <= 30; attempt += 1) answers.push(await crowded.post('/api/mobile/login/passkey/options', undefined, null));

    expect(answers.slice(0, 30).map((answer) => answer.status)).toEqual(Array(30).fill(200));
    expectError(answers[30], 429, 'rate_limited');
    expect(Number(answers[30].headers['retry-after'])).toBeGreaterThan(0);
  });

  test('the OpenAPI documents both routes with their error statuses, and how the app makes a passkey', async () => {
    const paths = (await newPhone.get('/docs-json', null)).body.paths as Record<string, Record<string, { description?: string; responses: Record<string, unknown> }>>;

    expect(Object.keys(paths['/api/mobile/login/passkey/options'].post.responses)).toEqual(expect.arrayContaining(['200', '429']));
    expect(Object.keys(paths['/api/mobile/login/passkey'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
    expect(paths['/api/mobile/login/passkey'].post.description).toContain('POST /api/me/passkeys/registration-options');
  });
});

