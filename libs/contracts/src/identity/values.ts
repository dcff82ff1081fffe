import { z } from 'zod';

/** Postgres text cannot hold NUL, and no name or address needs a control character. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const hasNoControlCharacter = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

/** A name, title or label: one trimmed line of at most `max` characters. */
export const SingleLine = (max: number) =>
  z.string().trim().min(1).max(max).refine(hasNoControlCharacter, 'must not contain control characters');

/** A message typed by a person: line breaks allowed, NUL never. */
export const FreeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

/**
 * The characters a local part may hold: letters and digits of any script
 * (RFC 6531) and RFC 5322's atext symbols, in dot-separated runs. Never what
 * makes a mail header say more than one address: no quotes, angle brackets,
 * commas, semicolons, colons, parentheses, backslashes or spaces.
 */
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+\-/=?^_`{|}~]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+\-/=?^_`{|}~]+)*$/u;
/** A domain of two labels or more, each of letters, digits (any script, IDNA) and inner hyphens; no IP literal. */
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]{0,61}[\\p{L}\\p{M}\\p{N}])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+${LABEL}$`, 'u');

function isMailbox(value: string): boolean {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return at > 0 && local.length <= 64 && LOCAL_PART.test(local) && DOMAIN.test(domain) && !/^\d+$/.test(domain.split('.').pop()!);
}

/**
 * An email as the product compares it: trimmed, Unicode NFC, lower case. One
 * bare address (`user@host`), never a display name or a list: whatever a mail
 * header could read as another recipient is refused where it enters.
 * Internationalised addresses are allowed (RFC 6531).
 */
export const Email = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .refine(hasNoControlCharacter, 'must not contain control characters')
  .transform((value) => value.normalize('NFC').toLowerCase())
  .refine(isMailbox, 'must be one email address, such as name@example.com, without a display name');

/** Any password as typed; strength is judged by identity when one is set. */
export const Password = z.string().min(1).max(1024);

/** Lowercased as Postgres writes them: ids are compared as text too (in Redis keys, session records, lists), where `A` is not `a`. */
export const Id = z.uuid().toLowerCase();

/** A caller's session id, opaque to identity. */
export const SessionId = z.string().min(1).max(64);

export const PersonName = SingleLine(200);

/**
 * The languages of the portal, its API messages and its mails. Stored per user
 * in identity (a check constraint names them): adding one needs a migration.
 */
export const Language = z.enum(['fr', 'en']);
export type Language = z.infer<typeof Language>;

/** The portal's users speak French first. */
export const DEFAULT_LANGUAGE: Language = 'fr';
