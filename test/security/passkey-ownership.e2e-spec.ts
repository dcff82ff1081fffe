import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany, signedInClient } from '../support/factories';
import { proofOptions, provedWithPasskey, registeredPasskey, renamePasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * Bob, a client of the same firm, knows the id of Claire's passkey (ids are
 * not secrets). He can neither rename nor remove it, with his own password or
 * his own passkey, nor offer her passkey as his proof.
 */
describe("Another user's passkey", () => {
  let firm: Company;
  let claire: PortalClient;
  let bob: PortalClient;
  let bobPassword: string;
  const claireKey = new SoftwareAuthenticator();
  const bobKey = new SoftwareAuthenticator();
  let hers: { id: string; name: string };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Moreau' });
    const bobMember = await activeMember(firm);
    bobPassword = bobMember.password;
    claire = await signedInClient(firm, await activeMember(firm));
    bob = await signedInClient(firm, bobMember);
    hers = await registeredPasskey(claire, claireKey, 'Téléphone de Claire');
    await registeredPasskey(bob, bobKey);
    // Bob's session proves his own passkey: removing one with the password asks for that first.
    await provedWithPasskey(bob, bobKey);
  });

  test('renaming it: 404 not_found', async () => {
    expectError(await renamePasskey(bob, hers.id, 'Mine now'), 404, 'not_found');
  });

  test('removing it with his password: 404 not_found', async () => {
    expectError(await bob.delete(`/api/me/passkeys/${hers.id}`, { json: { password: bobPassword } }), 404, 'not_found');
  });

  test('removing it with his own passkey as proof: 404 not_found', async () => {
    const assertion = bobKey.assert(await proofOptions(bob), bob.origin);

    expectError(await bob.delete(`/api/me/passkeys/${hers.id}`, { json: { passkey: assertion } }), 404, 'not_found');
  });

  test("her passkey as the proof in his session: 401 invalid_passkey", async () => {
    const assertion = claireKey.assert(await proofOptions(bob), bob.origin, {}, claireKey.newestFor(firm.host));

    expectError(await bob.delete(`/api/me/passkeys/${hers.id}`, { json: { passkey: assertion } }), 401, 'invalid_passkey');
  });

  test('her passkey is untouched, and his list never showed it', async () => {
    expect((await claire.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ id: hers.id, name: 'Téléphone de Claire' })]);
    expect((await bob.get('/api/me/passkeys')).body.map((card: { id: string }) => card.id)).not.toContain(hers.id);
  });
});
