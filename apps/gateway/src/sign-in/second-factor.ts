import { DomainError, ErrorCode, MfaPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';

/** The answer to the second step: a code from the authenticator app, or a recovery code. */
export type SecondFactorAnswer = { code: string } | { recoveryCode: string };

/**
 * Checks the second step of the sign-in `signInId`. The last wrong answer
 * ends the sign-in (`end`): the password is asked again, web or app alike.
 * @throws DomainError invalid_code with attemptsLeft, totp_locked, factor_locked.
 */
export async function checkSecondFactor(
  rpc: RpcClient,
  { userId, signInId, answer }: { userId: string; signInId: string; answer: SecondFactorAnswer },
  end: () => Promise<unknown>,
): Promise<'totp' | 'recovery_code'> {
  try {
    await rpc.request(MfaPatterns.verify, { userId, signInId, ...answer });
  } catch (error) {
    const noAttemptsLeft = error instanceof DomainError && error.code === ErrorCode.InvalidCode && error.details?.attemptsLeft === 0;
    if (noAttemptsLeft) await end();
    throw error;
  }
  return 'code' in answer ? 'totp' : 'recovery_code';
}
