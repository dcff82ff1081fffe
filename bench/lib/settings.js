'use strict';
/** Sizes of the run; each can be overridden by the environment (BENCH_*), e.g. for a quick try. */
const number = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number, got ${value}`);
  return parsed;
};

module.exports = {
  PASSWORD: 'Bench-Sign-In-2026!',
  EASY_ACCESS_HOST: 'portal.bench.test',
  HASH_SECONDS: number('BENCH_SECONDS', 10),
  /** Population sizes compared for growth. */
  SMALL_POPULATION: number('BENCH_SMALL_POPULATION', 1_000),
  LARGE_POPULATION: number('BENCH_LARGE_POPULATION', 100_000),
  /** Members created and activated through the operator API; the rest of the population is bulk-inserted. */
  API_MEMBERS: number('BENCH_API_MEMBERS', 50),
  /** Distinct people signing in once each in the sign-in scenario at 1,000 users (at 100,000, those of the memory figure). */
  SIGN_IN_PEOPLE: number('BENCH_SIGN_IN_PEOPLE', 800),
  /** Distinct people for the one-connection sign-in latency. */
  LATENCY_PEOPLE: number('BENCH_LATENCY_PEOPLE', 200),
  /** Distinct web sessions taken in turn by GET /api/me, the floor and getSession. */
  SESSIONS: number('BENCH_SESSIONS', 100),
  /** Sign-ins waiting at the TOTP step, each answered once (each costs two password hashes to prepare). */
  TOTP_SIGN_INS: number('BENCH_TOTP_SIGN_INS', 500),
  TOTP_WARMUP: number('BENCH_TOTP_WARMUP', 100),
  DEVICES: number('BENCH_DEVICES', 32),
  /** People with a passkey each, signing in with it in turn (each registered after a password sign-in). */
  PASSKEY_PEOPLE: number('BENCH_PASSKEY_PEOPLE', 100),
  /** No hash to wait for: more sign-ins in flight than the password's to keep the four apps busy. */
  PASSKEY_CONNECTIONS: number('BENCH_PASSKEY_CONNECTIONS', 16),
  PASSKEY_SECONDS: number('BENCH_SECONDS', 10),
  PASSKEY_WARMUP_SECONDS: number('BENCH_WARMUP_SECONDS', 2),
  /** Sign-ins, of as many distinct people, over which Redis memory per web session is measured. */
  MEMORY_SIGN_INS: number('BENCH_MEMORY_SIGN_INS', 10_000),
  /** Keeps the whole run under 10 minutes when sign-ins are slow; the report says how many were made. */
  MEMORY_MAX_SECONDS: number('BENCH_MEMORY_MAX_SECONDS', 150),
  /**
   * Sign-ins made before each system's first measured sign-in and not counted: the four apps' code of a
   * sign-in runs cold at first (V8 compiles it in tiers), which cost a third more CPU per sign-in over the
   * first ten seconds than once warm. Every system gets the same number, whatever its speed; the product's
   * are of people of their own, outside both populations.
   */
  SIGN_IN_WARMUP: number('BENCH_SIGN_IN_WARMUP', 600),
  LATENCY_SECONDS: number('BENCH_LATENCY_SECONDS', 5),
  READ_CONNECTIONS: number('BENCH_READ_CONNECTIONS', 32),
  /** Enough to keep every hashing thread busy: one per core in identity, libuv's four in the peer. */
  SIGN_IN_CONNECTIONS: number('BENCH_SIGN_IN_CONNECTIONS', 8),
  TOTP_CONNECTIONS: number('BENCH_TOTP_CONNECTIONS', 32),
};
