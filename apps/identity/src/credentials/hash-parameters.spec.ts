import { hashSync } from '@node-rs/argon2';
import { CURRENT_ARGON2_PARAMETERS, needsRehash } from './hash-parameters';

const SALT_AND_HASH = 'c29tZXNhbHRzb21lc2FsdA$L28HJWpRezjz/ACTO4+OnueR/eLbOTZbh63M6YVKiKM';

describe(needsRehash.name, () => {
  const sut = needsRehash;

  it('keeps a hash made with the current parameters', () => {
    expect(sut(`$argon2id$v=19$m=19456,t=2,p=1$${SALT_AND_HASH}`)).toBe(false);
  });

  it('keeps a hash made by the library with the current parameters', () => {
    expect(sut(hashSync('correct horse battery staple', CURRENT_ARGON2_PARAMETERS))).toBe(false);
  });

  it.each([
    ['a lower memory cost', `$argon2id$v=19$m=4096,t=2,p=1$${SALT_AND_HASH}`],
    ['a higher memory cost', `$argon2id$v=19$m=65536,t=2,p=1$${SALT_AND_HASH}`],
    ['another time cost', `$argon2id$v=19$m=19456,t=3,p=1$${SALT_AND_HASH}`],
    ['another parallelism', `$argon2id$v=19$m=19456,t=2,p=4$${SALT_AND_HASH}`],
    ['argon2i', `$argon2i$v=19$m=19456,t=2,p=1$${SALT_AND_HASH}`],
    ['argon2d', `$argon2d$v=19$m=19456,t=2,p=1$${SALT_AND_HASH}`],
    ['the older argon2 version', `$argon2id$v=16$m=19456,t=2,p=1$${SALT_AND_HASH}`],
    ['no version', `$argon2id$m=19456,t=2,p=1$${SALT_AND_HASH}`],
    ['an extra parameter', `$argon2id$v=19$m=19456,t=2,p=1,k=1$${SALT_AND_HASH}`],
    ['a bcrypt hash', '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW'],
    ['garbage', 'not a hash'],
  ])('asks for a rehash of a hash with %s', (_case, storedHash) => {
    expect(sut(storedHash)).toBe(true);
  });

  it('compares against the parameters it is given', () => {
    const stronger = { ...CURRENT_ARGON2_PARAMETERS, timeCost: 3 };
    expect(sut(`$argon2id$v=19$m=19456,t=2,p=1$${SALT_AND_HASH}`, stronger)).toBe(true);
    expect(sut(`$argon2id$v=19$m=19456,t=3,p=1$${SALT_AND_HASH}`, stronger)).toBe(false);
  });
});
