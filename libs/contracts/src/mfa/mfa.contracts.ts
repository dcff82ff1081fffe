import { z } from 'zod';
import { defineEvent, defineRequest } from '../messages/message-contract';
import { HealthReply } from '../identity/identity.contracts';
import { Id, SingleLine } from '../identity/values';

export interface TotpEnrolment {
  /** Base32, shown once so the user can type it if the QR code cannot be scanned. */
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

const TotpCode = z.string().regex(/^\d{6}$/, 'must be 6 digits');
/** Recovery codes are shown as xxxxx-xxxxx; spaces and case are forgiven when typed back. */
const RecoveryCode = z.string().trim().min(8).max(32);

/**
 * The answer to a second factor: a code from the app or a recovery code.
 * `signInId` scopes the "5 wrong answers end this sign-in" counter.
 */
const SecondFactorAnswer = z.union([
  z.object({ userId: Id, signInId: z.string().min(1).max(100), code: TotpCode }),
  z.object({ userId: Id, signInId: z.string().min(1).max(100), recoveryCode: RecoveryCode }),
]);

export const MfaPatterns = {
  health: defineRequest<HealthReply>()('mfa.health.check', z.object({})),
  factorStatus: defineRequest<{ enabled: boolean }>()('mfa.factor.status', z.object({ userId: Id }), { idempotent: true }),
  /** Starts (or restarts) an enrolment: a new secret, not active until confirmed. */
  beginEnrolment: defineRequest<TotpEnrolment>()(
    'mfa.totp.begin-enrolment',
    z.object({ userId: Id, issuer: SingleLine(200), label: SingleLine(254) }),
  ),
  /** @throws invalid_code. Turns 2FA on and returns 10 recovery codes, shown once. */
  confirmEnrolment: defineRequest<{ recoveryCodes: string[] }>()(
    'mfa.totp.confirm-enrolment',
    z.object({ userId: Id, code: TotpCode }),
  ),
  /**
   * @throws invalid_code with details { attemptsLeft } (0: the sign-in must start again),
   * totp_locked with details { retryAfterSeconds }.
   */
  verify: defineRequest<{ method: 'totp' | 'recovery_code' }>()('mfa.totp.verify', SecondFactorAnswer),
  /** Ten new recovery codes replace the old ones, shown once. @throws conflict when 2FA is off. */
  regenerateRecoveryCodes: defineRequest<{ recoveryCodes: string[] }>()('mfa.recovery-codes.regenerate', z.object({ userId: Id })),
  /** Removes the factor and its recovery codes (the user's choice, an admin's, or a "this wasn't me" report's). */
  removeFactor: defineRequest<{ removed: boolean }>()(
    'mfa.factor.remove',
    /**
     * `alert`: the user's own choice, mailed to them as a security alert; an admin's disable has tenancy's mail.
     * `confirmedSince` (ms): only a factor turned on at or after it, as "this wasn't me" undoes; an
     * older factor stays, and only the recovery codes made since go.
     */
    z.object({ userId: Id, alert: z.boolean().default(false), confirmedSince: z.number().int().nonnegative().optional() }),
    { idempotent: true },
  ),
} as const;

export const MfaEvents = {
  /** 2FA was turned on or off for the user, or their recovery codes replaced: cached views are stale, trusted browsers end. */
  factorChanged: defineEvent('mfa.factor.changed', z.object({ userId: Id })),
} as const;
