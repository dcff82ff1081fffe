import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { MobileApp, signChallenge } from '../support/mobile-app';
import { anotherMachineAddress, PortalResponse } from '../support/portal-client';
import { currentRun } from '../support/run-context';

/** The gateway's limits (apps/gateway/src/mobile/unlock-challenges.ts): per minute. */
const PER_ADDRESS = 30;
const PER_DEVICE = 10;
const WINDOW_SECONDS = 60;

const CHALLENGE = '/api/mobile/unlock/challenge';
/** A device secret of the attacker's making: checked at the unlock only. */
const madeUpSecret = () => randomUUID() + randomUUID();

function expectLimited(answer: PortalResponse): void {
  expectError(answer, 429, 'rate_limited');
  // The window has just begun: the wait announced is what is left of it, not a token second.
  expect(Number(answer.headers['retry-after'])).toBeGreaterThan(WINDOW_SECONDS - 15);
  expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(WINDOW_SECONDS);
}

/**
 * Asking for a Face ID challenge needs no credential that is checked then:
 * the attacker asks for endless challenges, for random device ids and
 * secrets, to fill Redis or to tire a device.
 */
describe('Unlock challenges are limited per address and per device', () => {
  const redis = new Redis(infrastructure.redisUrl);
  const pendingOf = (deviceId: string) => redis.keys(`${currentRun().redisKeyPrefix}unlock-challenge:${deviceId}*`);
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Roussel Gestion' });
  });

  afterAll(() => redis.disconnect());

  test(`one address asking for random devices gets ${PER_ADDRESS} challenges a minute, then 429 with the true Retry-After`, async () => {
    const attacker = new MobileApp(undefined, { sourceAddress: anotherMachineAddress() });
    const deviceIds = Array.from({ length: PER_ADDRESS }, () => randomUUID());
    for (const deviceId of deviceIds) expect((await attacker.post(CHALLENGE, { deviceId, deviceSecret: madeUpSecret() }, null)).status).toBe(200);

    expectLimited(await attacker.post(CHALLENGE, { deviceId: randomUUID(), deviceSecret: madeUpSecret() }, null));
    const refusedDevice = randomUUID();
    expectLimited(await attacker.post(CHALLENGE, { deviceId: refusedDevice, deviceSecret: madeUpSecret() }, null));
    expect(await pendingOf(refusedDevice)).toEqual([]);
  });

  test(`one device id and secret asked for from many addresses get ${PER_DEVICE} challenges a minute, then 429`, async () => {
    const device = { deviceId: randomUUID(), deviceSecret: madeUpSecret() };
    for (let asked = 0; asked < PER_DEVICE; asked += 1) {
      const from = new MobileApp(undefined, { sourceAddress: anotherMachineAddress() });
      expect((await from.post(CHALLENGE, device, null)).status).toBe(200);
    }

    const from = new MobileApp(undefined, { sourceAddress: anotherMachineAddress() });
    expectLimited(await from.post(CHALLENGE, device, null));
  });

  test('a device and secret hold one pending challenge at most: the newest replaces the previous, for a known device as for an unknown one', async () => {
    const app = new MobileApp(undefined, { sourceAddress: anotherMachineAddress() });
    await app.signIn(await activeMember(firm), '1397');
    expect((await app.enableFaceId()).status).toBe(204);
    const unknownDevice = { deviceId: randomUUID(), deviceSecret: madeUpSecret() };

    const first = await app.challenge();
    const newest = await app.challenge();
    for (let asked = 0; asked < 3; asked += 1) expect((await app.post(CHALLENGE, unknownDevice, null)).status).toBe(200);

    expect((await pendingOf(app.deviceId)).length).toBe(1);
    expect((await pendingOf(unknownDevice.deviceId)).length).toBe(1);
    expectError(await app.unlock({ ...app.device, challenge: first, signature: signChallenge(app.keys, first) }), 401, 'invalid_signature');
    expect((await app.unlock({ ...app.device, challenge: newest, signature: signChallenge(app.keys, newest) })).status).toBe(200);
  });
});

/**
 * A device's id is no secret: it is listed with the user's devices. Whoever
 * knows it must not keep the phone from Face ID, by using up the device's
 * challenges or replacing the one the phone is about to sign. Asking names
 * the device's secret too: a stranger's asks, with a secret of their own
 * making, count and wait apart from the phone's.
 */
describe("Knowing a device's id does not block its Face ID", () => {
  let firm: Company;
  let app: MobileApp;

  const strangerAsks = () =>
    new MobileApp(undefined, { sourceAddress: anotherMachineAddress() }).post(CHALLENGE, { deviceId: app.deviceId, deviceSecret: madeUpSecret() }, null);

  beforeAll(async () => {
    firm = await createCompany({ name: 'Roussel Conseil' });
    app = new MobileApp(undefined, { sourceAddress: anotherMachineAddress() });
    await app.signIn(await activeMember(firm), '1397');
    expect((await app.enableFaceId()).status).toBe(204);
  });

  test(`after ${PER_DEVICE} challenges asked for it by a stranger, the phone still gets one and unlocks`, async () => {
    for (let asked = 0; asked <= PER_DEVICE; asked += 1) await strangerAsks();

    expect((await app.unlockWithFaceId()).status).toBe(200);
  });

  test("a stranger's challenge, asked while the phone signs its own, does not replace it", async () => {
    const challenge = await app.challenge();
    expect((await strangerAsks()).status).toBe(200);

    expect((await app.unlock({ ...app.device, challenge, signature: signChallenge(app.keys, challenge) })).status).toBe(200);
  });

  test("asking without the device's secret is bad input", async () => {
    expectError(await app.post(CHALLENGE, { deviceId: app.deviceId }, null), 400, 'validation_failed');
  });
});
