import { expectSecondFactorNeeded } from '../support/api-error';
import { activeMember, Company, createCompany, Member, signedInClient } from '../support/factories';
import { registeredPasskey, removeWithPasskey } from '../support/passkeys';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * Claire's second factor is a passkey; her firm does not require 2FA, so her
 * password alone signs in. Mallory has the password. Were the passkey removed
 * with the password alone, Mallory would then set up her own code, which
 * opens the portals that require 2FA and locks Claire out of changing it back.
 */
describe('A second factor is not removed by a session that proved the password alone', () => {
  let firm: Company;
  let claire: Member;
  let passkeyId: string;
  const claireKey = new SoftwareAuthenticator();

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Ouvert' });
    claire = await activeMember(firm, { name: 'Claire Clef' });
    passkeyId = (await registeredPasskey(await signedInClient(firm, claire), claireKey)).id;
  });

  test("Mallory, signed in with the password, removes Claire's passkey with it: 403, and the passkey stays", async () => {
    const mallory = await signedInClient(firm, claire);

    expectSecondFactorNeeded(await mallory.delete(`/api/me/passkeys/${passkeyId}`, { json: { password: claire.password } }));
    expectSecondFactorNeeded(await mallory.post('/api/me/totp/setup'));
    expect((await mallory.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ id: passkeyId })]);
  });

  test('Claire removes it with the passkey itself', async () => {
    const browser = await signedInClient(firm, claire);

    expect((await removeWithPasskey(browser, claireKey, passkeyId)).status).toBe(204);
  });
});
