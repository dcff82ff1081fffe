import { expectError } from '../support/api-error';
import {
  activate,
  activeMember,
  addMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  signedInClient,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { registeredPasskey, signInOptions, signInWithPasskey } from '../support/passkeys';
import { PortalClient, PortalResponse } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * The attacker holds no password: what they send to POST /api/auth/passkey is
 * all they have. A captured assertion, one made for another page or another
 * portal, one without user verification, or a cloned authenticator's, opens
 * no session.
 */
describe('Passkey sign-in refuses assertions it cannot trust', () => {
  const claire = { email: uniqueEmail('claire'), password: strongPassword() };
  const phone = new SoftwareAuthenticator();
  let firmA: Company;
  let firmB: Company;

  /** The refusal, and the attacker's browser is signed in nowhere. */
  const expectNoSession = async (browser: PortalClient, answer: PortalResponse, status: number, code: string) => {
    expectError(answer, status, code);
    expectError(await browser.get('/api/me'), 401, 'unauthenticated');
  };

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Leroy Conseil' });
    firmB = await createCompany({ name: 'Leroy Patrimoine' });
    const invitation = await addMember(firmA, { email: claire.email, name: 'Claire Leroy' });
    await addMember(firmB, { email: claire.email, name: 'Claire Leroy' });
    await activate(browserOn(firmA.host), invitation.token!, claire.password);
    const onA = browserOn(firmA.host);
    expect((await onA.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');
    await registeredPasskey(onA, phone);
  });

  test('the genuine assertion signs in: the refusals below are about what was changed', async () => {
    expect((await signInWithPasskey(browserOn(firmA.host), phone)).body.next).toBe('done');
  });

  test('an assertion sent twice: the second opens nothing', async () => {
    const claireBrowser = browserOn(firmA.host);
    const response = phone.assert(await signInOptions(claireBrowser), claireBrowser.origin);
    expect((await claireBrowser.post('/api/auth/passkey', { response })).body.next).toBe('done');

    const attacker = browserOn(firmA.host);
    const replayed = await attacker.post('/api/auth/passkey', { response });

    expect([[400, 'passkey_challenge_expired'], [401, 'invalid_passkey']]).toContainEqual([replayed.status, replayed.body.error]);
    expectError(await attacker.get('/api/me'), 401, 'unauthenticated');
  });

  test('an assertion whose clientDataJSON names another origin (a phishing page): 401 invalid_passkey', async () => {
    const browser = browserOn(firmA.host);

    await expectNoSession(browser, await signInWithPasskey(browser, phone, { origin: 'https://leroy-conseil.example.net' }), 401, 'invalid_passkey');
  });

  test('a refusal tells a prober nothing more: not the origin the portal expects, nor why, in English as in French', async () => {
    const prober = browserOn(firmA.host, undefined, { headers: { 'accept-language': 'en' } });

    const refusal = await signInWithPasskey(prober, phone, { origin: 'https://leroy-conseil.example.net' });

    expectError(refusal, 401, 'invalid_passkey');
    expect(refusal.body.message).toBe('This passkey was not accepted here.');
  });

  test("an assertion whose authenticatorData carries another RP ID's hash: 401 invalid_passkey", async () => {
    const browser = browserOn(firmA.host);

    await expectNoSession(browser, await signInWithPasskey(browser, phone, { rpId: 'leroy-conseil.example.net' }), 401, 'invalid_passkey');
  });

  test("options issued on B's portal, answered on A's: 400 passkey_challenge_expired", async () => {
    const optionsOfB = await signInOptions(browserOn(firmB.host));
    const browser = browserOn(firmA.host);
    const response = phone.assert({ ...optionsOfB, rpId: firmA.host }, browser.origin);

    await expectNoSession(browser, await browser.post('/api/auth/passkey', { response }), 400, 'passkey_challenge_expired');
  });

  test("A's passkey on B's portal, for B's RP ID or for A's: 401 invalid_passkey", async () => {
    const ofA = phone.newestFor(firmA.host);
    const browser = browserOn(firmB.host);

    await expectNoSession(browser, await signInWithPasskey(browser, phone, {}, ofA), 401, 'invalid_passkey');
    await expectNoSession(browser, await signInWithPasskey(browser, phone, { rpId: firmA.host }, ofA), 401, 'invalid_passkey');
  });

  test('without user verification (UV flag off): 401 invalid_passkey', async () => {
    const browser = browserOn(firmA.host);

    await expectNoSession(browser, await signInWithPasskey(browser, phone, { userVerified: false }), 401, 'invalid_passkey');
  });

  test("a userHandle naming Bob with Claire's passkey: 401 invalid_passkey, nobody signed in", async () => {
    const bob = await activeMember(firmA, { name: 'Bob Leroy' });
    const bobsHandle = Buffer.from(bob.userId).toString('base64url');
    const browser = browserOn(firmA.host);

    await expectNoSession(browser, await signInWithPasskey(browser, phone, { userHandle: bobsHandle }), 401, 'invalid_passkey');
  });

  test('a signature that does not verify: 401 invalid_passkey', async () => {
    const browser = browserOn(firmA.host);
    const response = phone.assert(await signInOptions(browser), browser.origin);
    const forged = { ...response, response: { ...response.response, signature: Buffer.alloc(72, 1).toString('base64url') } };

    await expectNoSession(browser, await browser.post('/api/auth/passkey', { response: forged }), 401, 'invalid_passkey');
  });

  describe('a cloned authenticator: its counter goes backwards', () => {
    test('the real one moves forward: signed in; the copy, lower or equal: 401 invalid_passkey', async () => {
      expect((await signInWithPasskey(browserOn(firmA.host), phone, { counter: 50 })).body.next).toBe('done');

      const browser = browserOn(firmA.host);
      await expectNoSession(browser, await signInWithPasskey(browser, phone, { counter: 40 }), 401, 'invalid_passkey');
      await expectNoSession(browser, await signInWithPasskey(browser, phone, { counter: 50 }), 401, 'invalid_passkey');
    });

    test('a synced passkey, whose counter is always 0, signs in again and again', async () => {
      const synced = new SoftwareAuthenticator(undefined, false);
      // Another client's first passkey: Claire holds one already, and a password session adds no second.
      await registeredPasskey(await signedInClient(firmA, await activeMember(firmA)), synced);

      expect((await signInWithPasskey(browserOn(firmA.host), synced)).body.next).toBe('done');
      expect((await signInWithPasskey(browserOn(firmA.host), synced)).body.next).toBe('done');
    });
  });
});
