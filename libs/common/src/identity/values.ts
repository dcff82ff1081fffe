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
 * An email as the product compares it: trimmed, Unicode NFC, lower case.
 * Internationalised addresses are allowed (RFC 6531).
 */
export const Email = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .refine(hasNoControlCharacter, 'must not contain control characters')
  .transform((value) => value.normalize('NFC').toLowerCase())
  .pipe(z.email({ pattern: z.regexes.unicodeEmail, message: 'must be an email address' }));

/** Any password as typed; strength is judged by identity when one is set. */
export const Password = z.string().min(1).max(1024);

export const Id = z.uuid();

export const PersonName = SingleLine(200);

/**
 * The languages of the portal, its API messages and its mails. Stored per user
 * in identity (a check constraint names them): adding one needs a migration.
 */
export const Language = z.enum(['fr', 'en']);
export type Language = z.infer<typeof Language>;

/** The portal's users speak French first. */
export const DEFAULT_LANGUAGE: Language = 'fr';
