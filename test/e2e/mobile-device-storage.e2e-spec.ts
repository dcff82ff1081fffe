import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { queryRunDatabase } from '../support/databases';
import { activeMember, createCompany } from '../support/factories';
import { MobileApp } from '../support/mobile-app';

type DeviceRow = Record<string, unknown> & { id: string; user_id: string; secret_hash: string };

const ALL_PINS = Array.from({ length: 10_000 }, (_, index) => String(index).padStart(4, '0'));

/** A digest in the encodings a column could hold it in. */
const encodings = (digest: Buffer) => [digest.toString('hex'), digest.toString('base64'), digest.toString('base64url')];

/** The PINs whose SHA-256 or HMAC-SHA256 under one of the keys, in any encoding, is a value of the row. */
function pinsFoundIn(row: DeviceRow, keys: string[]): string[] {
  const stored = new Set(Object.values(row).map((value) => String(value)));
  return ALL_PINS.filter((pin) => {
    const digests = [
      createHash('sha256').update(pin).digest(),
      createHash('sha256').update(`${row.id}${pin}`).digest(),
      ...keys.map((key) => createHmac('sha256', key).update(pin).digest()),
    ];
    return digests.some((digest) => encodings(digest).some((encoded) => stored.has(encoded)));
  });
}

/** What a dump of identity's devices table gives away: neither the device secret nor, without it, the PIN. */
describe('A mobile device at rest', () => {
  const pin = String(randomInt(10_000)).padStart(4, '0');
  const app = new MobileApp();
  let row: DeviceRow;

  beforeAll(async () => {
    const firm = await createCompany({ name: 'Dupuis Fiduciaire' });
    await app.signIn(await activeMember(firm), pin);
    [row] = await queryRunDatabase<DeviceRow>('select * from "identity"."devices" where "id" = ?', [app.deviceId]);
  });

  test('no column holds the device secret or the PIN', () => {
    const secret = app.device!.deviceSecret;

    for (const [column, value] of Object.entries(row)) {
      const text = value instanceof Date ? value.toISOString() : String(value);
      const found = { column, holdsSecret: text.includes(secret), isPin: text === pin };
      expect(found).toEqual({ column, holdsSecret: false, isPin: false });
    }
  });

  test('trying all 10,000 PINs against the stored verifier, without the device secret, finds nothing', () => {
    const whatADumpOffers = ['', randomBytes(32).toString('base64url'), row.secret_hash, row.id, row.user_id];

    expect(pinsFoundIn(row, whatADumpOffers)).toEqual([]);
  });

  test('the verifier is keyed by the device secret: with it, the same search finds the PIN', () => {
    expect(pinsFoundIn(row, [app.device!.deviceSecret])).toEqual([pin]);
  });

  test('the registered device unlocks with its secret and PIN', async () => {
    const unlocked = await app.unlockWithPin(pin);

    expect(unlocked.status).toBe(200);
    expect((await app.get('/api/me')).status).toBe(200);
  });
});
