import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany, signedInClient } from '../support/factories';
import { proofOptions, registeredPasskey, removeWithPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/** No passkey has this id: a proof that passes answers 404, one that is refused 401. */
const NOWHERE = '00000000-0000-4000-8000-000000000000';

/**
 * An attacker copied Claire's authenticator (its key and its counter at the
 * time). Authenticators that count make each assertion carry a higher
 * counter; once the real one has moved on, the copy's counters go backwards
 * and are refused. Synced passkeys, which always send 0, keep working.
 */
describe('A cloned authenticator: its signature counter goes backwards', () => {
  let firm: Company;
  let claire: PortalClient;
  const phone = new SoftwareAuthenticator();

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Fabre' });
    claire = await signedInClient(firm, await activeMember(firm));
    await registeredPasskey(claire, phone);
  });

  test('the real authenticator moves its counter forward: accepted', async () => {
    expectError(await removeWithPasskey(claire, phone, NOWHERE, { counter: 5 }), 404, 'not_found');
    expectError(await removeWithPasskey(claire, phone, NOWHERE, { counter: 6 }), 404, 'not_found');
  });

  test('the copy, with a lower or the same counter: 401 invalid_passkey', async () => {
    expectError(await removeWithPasskey(claire, phone, NOWHERE, { counter: 3 }), 401, 'invalid_passkey');
    expectError(await removeWithPasskey(claire, phone, NOWHERE, { counter: 6 }), 401, 'invalid_passkey');
    expectError(await removeWithPasskey(claire, phone, NOWHERE, { counter: 0 }), 401, 'invalid_passkey');
  });

  test('two assertions racing with the same next counter: only one passes', async () => {
    const [first, second] = await Promise.all([proofOptions(claire), proofOptions(claire)]);
    const assertions = [phone.assert(first, claire.origin, { counter: 9 }), phone.assert(second, claire.origin, { counter: 9 })];

    const answers = await Promise.all(assertions.map((passkey) => claire.delete(`/api/me/passkeys/${NOWHERE}`, { json: { passkey } })));

    expect(answers.map((answer) => answer.body.error).sort()).toEqual(['invalid_passkey', 'not_found']);
  });

  test('a synced passkey, whose counter is always 0, keeps working', async () => {
    // Another client's first passkey: Claire's session above proved no passkey, which adding a second one would ask.
    const owner = await signedInClient(firm, await activeMember(firm));
    const synced = new SoftwareAuthenticator(undefined, false);
    await registeredPasskey(owner, synced);

    expectError(await removeWithPasskey(owner, synced, NOWHERE), 404, 'not_found');
    expectError(await removeWithPasskey(owner, synced, NOWHERE), 404, 'not_found');
  });
});
