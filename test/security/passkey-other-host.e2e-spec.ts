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
import { proofOptions, registeredPasskey, registeredPasskeyOnSecondHost, removeWithPasskey, renamePasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * Claire is a client of two firms and made a passkey on firm A's portal. Each
 * portal host is its own relying party: B's host (a firm that controls its own
 * DNS and page) gets nothing out of A's passkey, whichever RP ID or origin the
 * assertion names.
 */
describe("A passkey made on one firm's portal, presented on another's", () => {
  const claire = { email: uniqueEmail('claire'), password: strongPassword() };
  const phone = new SoftwareAuthenticator();
  let firmA: Company;
  let firmB: Company;
  let onA: PortalClient;
  let onB: PortalClient;
  let passkeyOfA: { id: string };
  let onEasyAccess: PortalClient;
  let ofEasyAccess: { id: string };

  const signedInOn = async (company: Company) => {
    const browser = browserOn(company.host);
    expect((await browser.post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'done' });
    return browser;
  };

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Roux Conseil' });
    firmB = await createCompany({ name: 'Roux Patrimoine' });
    const invitation = await addMember(firmA, { email: claire.email, name: 'Claire Roux' });
    await activate(browserOn(firmA.host), invitation.token!, claire.password);
    await addMember(firmB, { email: claire.email, name: 'Claire Roux' });
    onA = await signedInOn(firmA);
    passkeyOfA = await registeredPasskey(onA, phone);
    onEasyAccess = easyAccessBrowser();
    ofEasyAccess = await registeredPasskeyOnSecondHost(onA, onEasyAccess, claire, phone, async (browser) => {
      expect((await browser.post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'totp' });
    });
    // Signed in once the code is off again: a password session, as Mallory's would be.
    onB = await signedInOn(firmB);
  });

  test("B's portal lists none of A's passkeys, and offers none in its options", async () => {
    expect((await onB.get('/api/me/passkeys')).body).toEqual([]);
    expect((await proofOptions(onB)).allowCredentials).toEqual([]);
  });

  test("an assertion signed for A's RP ID, sent from B's page: 401 invalid_passkey", async () => {
    const options = await proofOptions(onB);
    const assertion = phone.assert(options, onB.origin, { rpId: firmA.host }, phone.newestFor(firmA.host));

    expectError(await onB.delete(`/api/me/passkeys/${passkeyOfA.id}`, { json: { passkey: assertion } }), 401, 'invalid_passkey');
  });

  test("an assertion of A's passkey that claims B's RP ID: 401 invalid_passkey", async () => {
    const options = await proofOptions(onB);
    const assertion = phone.assert(options, onB.origin, {}, phone.newestFor(firmA.host));

    expectError(await onB.delete(`/api/me/passkeys/${passkeyOfA.id}`, { json: { passkey: assertion } }), 401, 'invalid_passkey');
  });

  test("on A, an assertion whose origin is B's page: 401 invalid_passkey", async () => {
    expectError(await removeWithPasskey(onA, phone, passkeyOfA.id, { origin: onB.origin }), 401, 'invalid_passkey');
  });

  test("B's portal can neither rename nor remove A's passkey: 404, and with the password alone, a second factor is asked first", async () => {
    expectError(await renamePasskey(onB, passkeyOfA.id, 'Renamed from B'), 404, 'not_found');
    expectError(await onB.delete(`/api/me/passkeys/${passkeyOfA.id}`, { json: { password: claire.password } }), 403, 'reauthentication_required');
    expect((await onA.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ id: passkeyOfA.id })]);
  });

  test("registration options of A answered on another host, or answered for B's RP ID or origin on A, register nothing", async () => {
    const optionsOfA = (await onA.post('/api/me/passkeys/registration-options')).body;
    const forA = new SoftwareAuthenticator().create(optionsOfA, onA.origin);
    // On the easy access host, whose session passed the code (B's proved no second factor, and is refused before its challenge is looked at).
    expectError(await onEasyAccess.post('/api/me/passkeys', { response: forA }), 400, 'passkey_challenge_expired');
    expectError(await onB.post('/api/me/passkeys', { response: forA }), 403, 'reauthentication_required');

    const forOtherRp = new SoftwareAuthenticator().create((await onA.post('/api/me/passkeys/registration-options')).body, onA.origin, { rpId: firmB.host });
    expectError(await onA.post('/api/me/passkeys', { response: forOtherRp }), 400, 'passkey_rejected');

    const fromOtherOrigin = new SoftwareAuthenticator().create((await onA.post('/api/me/passkeys/registration-options')).body, onB.origin);
    expectError(await onA.post('/api/me/passkeys', { response: fromOtherOrigin }), 400, 'passkey_rejected');

    expect((await onB.get('/api/me/passkeys')).body).toEqual([]);
    expect((await onA.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ id: passkeyOfA.id })]);
  });

  test("on A, the passkey still works, and its card is A's only one", async () => {
    expectError(await removeWithPasskey(onA, phone, '00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expect((await onA.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ id: passkeyOfA.id, lastUsedAt: expect.any(String) })]);
  });

  test('the easy access host is a relying party of its own: its passkeys are not the portals\' and the reverse', async () => {
    expect((await onEasyAccess.post('/api/me/passkeys/registration-options')).body.rp).toEqual({ id: sharedGateway().easyAccessHost, name: 'Client portal' });
    expect((await onEasyAccess.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ id: ofEasyAccess.id })]);
    const options = await proofOptions(onEasyAccess);
    const assertion = phone.assert(options, onEasyAccess.origin, { rpId: firmA.host }, phone.newestFor(firmA.host));
    expectError(await onEasyAccess.delete(`/api/me/passkeys/${passkeyOfA.id}`, { json: { passkey: assertion } }), 401, 'invalid_passkey');

    expect((await onA.get('/api/me/passkeys')).body.map((card: { id: string }) => card.id)).not.toContain(ofEasyAccess.id);
  });
});
