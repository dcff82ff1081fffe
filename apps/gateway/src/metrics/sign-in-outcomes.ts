import { signInOutcomes } from '@app/platform';

export type OutcomeStep = 'password' | 'google' | 'code';
export type SignInOutcome = 'success' | 'wrong_password' | 'wrong_code' | 'lockout';

/**
 * What the answers of the sign-in routes mean. Statuses left out are no verdict
 * on what the user typed: 400 for a malformed body, 409 for no sign-in in
 * progress. A 401 on a password step is `invalid_credentials`, which is kept
 * alike for an unknown email on purpose; on the mobile code step it may also be
 * an expired login token. A replayed code looks like a wrong one from here:
 * mfa counts those. A 403 on a code step is the factor locked for good
 * (`factor_locked`), a 429 a timed lock: both are lockouts. A 429 on a password step is left out here although it may
 * be the email's lockout: the per-address limit answers the very same 429
 * `rate_limited`, so LoginLimits, which can tell the two apart, counts it.
 */
const verdicts: Record<string, { step: OutcomeStep; outcomes: Partial<Record<number, SignInOutcome>> }> = {
  'POST /api/auth/login': { step: 'password', outcomes: { 200: 'success', 401: 'wrong_password' } },
  'POST /api/mobile/login': { step: 'password', outcomes: { 200: 'success', 401: 'wrong_password' } },
  'POST /api/auth/totp': { step: 'code', outcomes: { 200: 'success', 401: 'wrong_code', 403: 'lockout', 429: 'lockout' } },
  'POST /api/mobile/login/totp': { step: 'code', outcomes: { 200: 'success', 401: 'wrong_code', 403: 'lockout', 429: 'lockout' } },
};

/** The step and outcome of an answer, or null when it answered no sign-in check. */
export function signInVerdict(
  method: string,
  route: string,
  status: number,
  body: unknown,
): { step: OutcomeStep; outcome: SignInOutcome } | null {
  const verdict = verdicts[`${method} ${route}`];
  const outcome = verdict?.outcomes[status];
  if (!verdict || !outcome) return null;
  const withGoogle = verdict.step === 'password' && typeof body === 'object' && body !== null && 'googleIdToken' in body;
  return { step: withGoogle ? 'google' : verdict.step, outcome };
}

export function countSignIn(method: string, route: string, status: number, body: unknown): void {
  const verdict = signInVerdict(method, route, status, body);
  if (verdict) signInOutcomes.inc(verdict);
}
