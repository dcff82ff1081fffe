import { ApiError } from '../api/http';
import { errorSentences, retryIn } from './errors';
import type { Language } from './messages';

/** Codes whose answer carries Retry-After worth telling the person. */
const WAIT_CODES = new Set(['rate_limited', 'totp_locked']);

/**
 * The sentence a person reads for a failed call: never a code. A screen may
 * word a code for its own context (a wrong current password is not a wrong
 * email); an unknown code shows the API's own message.
 */
export function errorText(error: unknown, language: Language, overrides: Record<string, string> = {}): string {
  if (!(error instanceof ApiError)) return errorSentences.internal[language];
  const sentence = overrides[error.code] ?? errorSentences[error.code]?.[language] ?? error.message;
  const wait = WAIT_CODES.has(error.code) && error.retryAfterSeconds ? ` ${retryIn[language](error.retryAfterSeconds)}` : '';
  return `${sentence}${wait}`;
}
