import { queryRunDatabase } from '../support/databases';
import { browserOn, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { base32Decode, codeForStep, currentStepWithMargin } from '../support/totp';

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

/** What a database dump holds, read straight from Postgres. */
describe('The TOTP secret at rest', () => {
  let member: TotpMember;

  beforeAll(async () => {
    member = await memberWithTotp(await createCompany({ name: 'Garnier Fiduciaire' }));
  });

  test("the member's active factor is stored in mfa.totp_factors", async () => {
    const rows = await queryRunDatabase<{ state: string; ciphertext: Buffer }>(
      'select "state", "ciphertext" from "mfa"."totp_factors" where "user_id" = ?',
      [member.userId],
    );

    expect(rows.map((row) => row.state)).toEqual(['active']);
    expect(rows[0].ciphertext.length).toBeGreaterThan(0);
  });

  test('no column of any table of the mfa schema holds the secret, as text or as bytes', async () => {
    const tables = await queryRunDatabase<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'mfa' and table_type = 'BASE TABLE'",
    );
    expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(['totp_factors', 'recovery_codes']));
    const forms = formsOf(member.secret);

    const leaks: string[] = [];
    for (const { table_name: table } of tables) {
      for (const row of await queryRunDatabase<Record<string, unknown>>('select * from ??', [`mfa.${table}`])) {
        for (const [column, value] of Object.entries(row)) {
          if (forms.some((form) => bytesOf(value).includes(form))) leaks.push(`${table}.${column}`);
        }
      }
    }

    expect(leaks).toEqual([]);
  });

  test('the recovery codes are not stored as typed either', async () => {
    const rows = await queryRunDatabase<Record<string, unknown>>('select * from "mfa"."recovery_codes" where "user_id" = ?', [
      member.userId,
    ]);
    const typed = member.recoveryCodes.flatMap((code) => [code, code.replace(/-/g, '')]);

    expect(rows).toHaveLength(10);
    for (const row of rows) for (const value of Object.values(row)) expect(typed).not.toContain(String(value));
  });

  test('the mfa service, which holds the key, still reads it: a code signs in', async () => {
    const browser = browserOn(member.browser.host);
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body).toEqual({ next: 'totp' });

    const verified = await browser.post('/api/auth/totp', { code: codeForStep(member.secret, await currentStepWithMargin()) });

    expect(verified.body).toMatchObject({ next: 'done' });
  });
});
