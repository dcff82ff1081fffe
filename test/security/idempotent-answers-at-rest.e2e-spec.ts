import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { expectError } from '../support/api-error';
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

  test('an answer altered in Redis is not replayed, nor the write applied again: 422, and a new key applies it', async () => {
    const operator = operatorClient();
    const key = randomUUID();
    const body = { email: uniqueEmail('altered'), name: 'Paul Roux', role: 'client', accountIds: [] };
    const path = `/api/operator/companies/${firm.id}/members`;
    const first = await operator.post(path, body, { headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);

    await alterAnswers();

    expectError(await operator.post(path, body, { headers: { 'Idempotency-Key': key } }), 422, 'idempotency_key_reused');
    const anew = await operator.post(path, body, { headers: { 'Idempotency-Key': randomUUID() } });
    expect(anew).toMatchObject({ status: 201, body: { userId: (first.body as { userId: string }).userId } });
  });
});

/** Flips a character of every kept answer's ciphertext, as someone writing to Redis could. */
function alterAnswers(): Promise<void> {
  return onIdempotencyEntries(async (redis, name) => {
    const use = JSON.parse((await redis.get(name)) ?? '{}') as { answer?: string };
    if (typeof use.answer !== 'string') return;
    const flipped = use.answer.slice(0, -1) + (use.answer.endsWith('A') ? 'B' : 'A');
    await redis.set(name, JSON.stringify({ ...use, answer: flipped }), 'KEEPTTL');
  });
}

/** Every value the gateway keeps under its idempotency keys, as a dump of Redis would show it. */
async function idempotencyEntries(): Promise<string[]> {
  const values: string[] = [];
  await onIdempotencyEntries(async (redis, name) => void values.push((await redis.get(name)) ?? ''));
  return values;
}

/** Runs `visit` on each of this run's idempotency entries, on a connection of the spec's own. */
async function onIdempotencyEntries(visit: (redis: Redis, name: string) => Promise<void>): Promise<void> {
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    for (const name of await redis.keys(`${currentRun().redisKeyPrefix}idem:*`)) await visit(redis, name);
  } finally {
    redis.disconnect();
  }
}
