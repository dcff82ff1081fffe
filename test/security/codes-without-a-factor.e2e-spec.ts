import { expectError } from '../support/api-error';
import { activeMember, createCompany, enrolTotp, signedInClient } from '../support/factories';

/** Wrong answers a user's account takes in a row before codes are refused: what the attacker sends, one sign-in each (the answer ends it). */
const STREAK_BEFORE_LOCK = 10;

/**
 * The attacker holds Claire's password, on a firm that does not require 2FA;
 * she has no code yet. He answers the fresh-proof step with codes, which can
 * never be right: each was counted against her account, and, no factor ever
 * failing a check, no lock began, no mail went out and the count stood for a
 * day. Then her own first code, setting up 2FA, was refused unchecked.
 */
describe('Codes sent for a user who has no code factor count nothing against her', () => {
  test('after ten such answers she still sets up 2FA with her first code', async () => {
    const firm = await createCompany({ name: 'Marchal Gestion' });
    const claire = await activeMember(firm);
    for (let sent = 0; sent < STREAK_BEFORE_LOCK; sent++) {
      const attacker = await signedInClient(firm, claire);
      expectError(await attacker.post('/api/me/reauthenticate', { code: '000000' }), 401, 'invalid_code');
    }

    // Before the change: her confirmation was refused, invalid_code with no code checked.
    const { confirmation } = await enrolTotp(await signedInClient(firm, claire));

    expect(confirmation.body.recoveryCodes).toHaveLength(10);
  });
});
