import { DomainError, ErrorCode } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';

export type PasswordWeakness = 'too_short' | 'too_long' | 'common';

export const MIN_PASSWORD_LENGTH = 10;
/** Caps the work a single sign-in can ask of the hasher. */
export const MAX_PASSWORD_LENGTH = 128;

/** Built once: some 49,000 passwords seen in breaches, all in lower case. */
const commonPasswords = new Set(dictionary.passwords);

const explanations: Record<PasswordWeakness, string> = {
  too_short: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`,
  common: 'This password is too common: choose one that is harder to guess.',
};

/** What a new password must satisfy: a length range and not a well-known password. */
@Injectable()
export class PasswordPolicy {
  weaknessOf(password: string): PasswordWeakness | null {
    // Code points, not UTF-16 units, so that an emoji counts as one character.
    const length = [...password].length;
    if (length < MIN_PASSWORD_LENGTH) return 'too_short';
    if (length > MAX_PASSWORD_LENGTH) return 'too_long';
    if (commonPasswords.has(password.toLowerCase())) return 'common';
    return null;
  }

  /** @throws DomainError weak_password, with `reason` in the details */
  assertAcceptable(password: string): void {
    const reason = this.weaknessOf(password);
    if (reason) throw new DomainError(ErrorCode.WeakPassword, explanations[reason], { reason });
  }
}
