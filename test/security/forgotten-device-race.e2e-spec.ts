import { knex } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectError } from '../support/api-error';
import { activeMember, createCompany } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { currentRun } from '../support/run-context';

/** Long enough for a request to reach identity and wait there on the device's row lock. */
const QUEUED_MS = 300;

/**
 * The attacker holds her phone and knows its PIN; he opens the app just as
 * she forgets the phone from the app (or from the web). Identity checks his
 * unlock just before the forget commits, and the gateway writes his access
 * token just after it ended the device's tokens: that token must not work.
 * The spec widens the moment by holding the device's row for a while, as a
 * busy identity would: his unlock queues on it first, then the forget.
 */
describe('Forgetting a device ends an access token an unlock was minting at that moment', () => {
  test('an unlock identity checked before the forget committed gets no token that outlives it', async () => {
    const firm = await createCompany({ name: 'Duval Expertise' });
    const phone = new MobileApp();
    await phone.signIn(await activeMember(firm), '2749');
    const { deviceId, deviceSecret } = phone.device!;
    const db = knex({ client: 'pg', connection: currentRun().databaseUrl, pool: { min: 0, max: 1 } });
    const holding = await db.transaction();
    let attackers: ReturnType<MobileApp['post']>;
    let forget: ReturnType<MobileApp['delete']>;
    try {
      await holding.raw('select 1 from identity.devices where id = ? for update', [deviceId]);
      attackers = phone.post('/api/mobile/unlock', { deviceId, deviceSecret, pin: '2749' }, null);
      await sleep(QUEUED_MS);
      forget = phone.delete(`/api/mobile/devices/${deviceId}`);
      await sleep(QUEUED_MS);
    } finally {
      await holding.rollback();
      await db.destroy();
    }

    expect((await forget).status).toBe(204);
    // Before the change, his unlock answered 200 with a token that still listed her sessions.
    expectError(await attackers, 401, 'device_revoked');
  });
});
