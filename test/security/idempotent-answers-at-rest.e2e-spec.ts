import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Company, createCompany, operatorClient, uniqueEmail } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { tokenOf } from '../support/mailbox';
import { currentRun } from '../support/run-context';

/**
 * The gateway keeps no secret in Redis that a dump would replay (sessions,
 * challenges and links are stored as digests). An operator's add-member sent
 * with an `Idempotency-Key` answers the new user's activation link, and its
 * answer is kept 24 hours to be replayed: whoever reads Redis in that time
 * must not find the link, and activate the account before its owner does.
 */
describe('An idempotent answer kept in Redis holds no link to replay', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Roux' });
  });

  test("the operator's retry gets the activation link, and Redis holds none of it", async () => {
    const operator = operatorClient();
    const key = randomUUID();
    const body = { email: uniqueEmail('at-rest'), name: 'Chloé Roux', role: 'client', accountIds: [] };
    const path = `/api/operator/companies/${firm.id}/members`;

    const first = await operator.post(path, body, { headers: { 'Idempotency-Key': key } });
    const again = await operator.post(path, body, { headers: { 'Idempotency-Key': key } });

    expect(first.status).toBe(201);
    const activationUrl = (first.body as { activationUrl: string }).activationUrl;
    expect(again).toMatchObject({ status: 201, body: { activationUrl } });
    const kept = await idempotencyEntries();
    expect(kept.length).toBeGreaterThan(0);
    for (const value of kept) expect(value).not.toContain(tokenOf(activationUrl));
  });
});

/** Every value the gateway keeps under its idempotency keys, as a dump of Redis would show it. */
async function idempotencyEntries(): Promise<string[]> {
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const keys = await redis.keys(`${currentRun().redisKeyPrefix}idem:*`);
    return Promise.all(keys.map(async (name) => (await redis.get(name)) ?? ''));
  } finally {
    redis.disconnect();
  }
}
