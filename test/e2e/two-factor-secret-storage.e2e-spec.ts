import { createDecipheriv, randomBytes } from 'node:crypto';
import { Knex } from '@mikro-orm/postgresql';
import { browserOn, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { queryDatabase } from '../support/outage-checks';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { base32Decode, codeForStep, currentStepWithMargin } from '../support/totp';

const STACK_START_MS = 120_000;

interface SealedRow {
  ciphertext: Buffer;
  iv: Buffer;
  auth_tag: Buffer;
}

/** Every way the secret could sit in a column: its base32 text, in either case, and its raw bytes in common encodings. */
function formsOf(secret: string): Buffer[] {
  const raw = base32Decode(secret);
  return [
    Buffer.from(secret.toUpperCase(), 'utf8'),
    Buffer.from(secret.toLowerCase(), 'utf8'),
    Buffer.from(secret.replace(/=+$/, ''), 'utf8'),
    raw,
    Buffer.from(raw.toString('hex'), 'utf8'),
    Buffer.from(raw.toString('base64'), 'utf8'),
    Buffer.from(raw.toString('base64url'), 'utf8'),
  ];
}

function bytesOf(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Date) return Buffer.from(value.toISOString(), 'utf8');
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value) ?? '', 'utf8');
}

/**
 * AES-256-GCM as apps/mfa/src/secrets/secret-cipher.ts seals it, with the
 * owner's id as associated data. @throws Error when the key is not the one that sealed it.
 */
function openSealed(row: SealedRow, key: Buffer, ownerId: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, row.iv);
  decipher.setAAD(Buffer.from(`mfa.totp-secret:${ownerId}`, 'utf8'));
  decipher.setAuthTag(row.auth_tag);
  return Buffer.concat([decipher.update(row.ciphertext), decipher.final()]).toString('utf8');
}

/**
 * What a database dump holds, read straight from Postgres. On a stack of its
 * own, whose MFA_ENCRYPTION_KEY the spec knows.
 */
describe('The TOTP secret at rest', () => {
  let own: OwnStack;
  let member: TotpMember;
  const query = <Row>(sql: string, bindings: readonly Knex.RawBinding[] = []) => queryDatabase<Row>(own.settings.databaseUrl, sql, bindings);

  beforeAll(async () => {
    own = await startOwnStack('secrets');
    member = await memberWithTotp(await createCompany({ name: 'Garnier Fiduciaire' }, own.gateway));
  }, STACK_START_MS);

  afterAll(async () => {
    await own?.dispose();
  });

  test("the member's active factor is stored in mfa.totp_factors", async () => {
    const rows = await query<{ state: string; ciphertext: Buffer }>(
      'select "state", "ciphertext" from "mfa"."totp_factors" where "user_id" = ?',
      [member.userId],
    );

    expect(rows.map((row) => row.state)).toEqual(['active']);
    expect(rows[0].ciphertext.length).toBeGreaterThan(0);
  });

  test('no column of any table of the mfa schema holds the secret, as text or as bytes', async () => {
    const tables = await query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'mfa' and table_type = 'BASE TABLE'",
    );
    expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(['totp_factors', 'recovery_codes']));
    const forms = formsOf(member.secret);

    const leaks: string[] = [];
    for (const { table_name: table } of tables) {
      for (const row of await query<Record<string, unknown>>('select * from ??', [`mfa.${table}`])) {
        for (const [column, value] of Object.entries(row)) {
          if (forms.some((form) => bytesOf(value).includes(form))) leaks.push(`${table}.${column}`);
        }
      }
    }

    expect(leaks).toEqual([]);
  });

  test("cannot be read without the key: the run's MFA key opens the row to the secret the member was shown, another key fails", async () => {
    const [row] = await query<SealedRow>(
      `select "ciphertext", "iv", "auth_tag" from "mfa"."totp_factors" where "user_id" = ? and "state" = 'active'`,
      [member.userId],
    );
    const runKey = Buffer.from(own.settings.mfaEncryptionKey, 'base64');

    expect(openSealed(row, runKey, member.userId)).toBe(member.secret);
    expect(() => openSealed(row, randomBytes(32), member.userId)).toThrow('Unsupported state or unable to authenticate data');
  });

  test('the recovery codes are not stored as typed either', async () => {
    const rows = await query<Record<string, unknown>>('select * from "mfa"."recovery_codes" where "user_id" = ?', [
      member.userId,
    ]);
    const typed = member.recoveryCodes.flatMap((code) => [code, code.replace(/-/g, '')]);

    expect(rows).toHaveLength(10);
    for (const row of rows) for (const value of Object.values(row)) expect(typed).not.toContain(String(value));
  });

  test('the mfa service, which holds the key, still reads it: a code signs in', async () => {
    const browser = browserOn(member.browser.host, own.gateway);
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });

    const verified = await browser.post('/api/auth/totp', { code: codeForStep(member.secret, await currentStepWithMargin()) });

    expect(verified.body).toMatchObject({ next: 'done' });
  });
});
