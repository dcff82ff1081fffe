import { knex } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectError } from '../support/api-error';
import { activeMember, createCompany } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { currentRun } from '../support/run-context';

/** Far longer than an answer takes. A request held behind the lock answers 503 once the gateway stops waiting for identity. */
const HELD_MS = 3_000;

/**
 * The attacker is a firm: its host lists Claire's devices (ids included).
 * It floods the unlock with her device's id and random secrets. Each of
 * those took her device's row lock before the secret was checked, so her
 * own unlocks, and identity's connections, queued behind the flood. A wrong
 * secret must not touch her device's lock: while someone else holds it, the
 * flood's requests are refused at once instead of waiting for it.
 */
describe('Unlocks with a wrong device secret take no lock on the device', () => {
  test('while her device is locked, a wrong secret is refused at once', async () => {
    const firm = await createCompany({ name: 'Cabinet Verrou' });
    const claires = new MobileApp();
    await claires.signIn(await activeMember(firm), '8362');
    const db = knex({ client: 'pg', connection: currentRun().databaseUrl, pool: { min: 0, max: 1 } });
    const holding = await db.transaction();
    try {
      await holding.raw('select 1 from identity.devices where id = ? for update', [claires.deviceId]);

      const flood = claires.unlock({ deviceId: claires.deviceId, deviceSecret: 'x'.repeat(43), pin: '8362' });
      const answered = await Promise.race([flood, sleep(HELD_MS).then(() => null)]);

      expect(answered).not.toBeNull();
      expectError(answered!, 401, 'invalid_credentials');
    } finally {
      await holding.rollback();
      await db.destroy();
    }
  });
});
