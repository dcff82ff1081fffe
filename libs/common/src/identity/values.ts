import { z } from 'zod';

/**
 * An email as the product compares it: trimmed, Unicode NFC, lower case.
 * Internationalised addresses are allowed (RFC 6531).
 */
export const Email = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .transform((value) => value.normalize('NFC').toLowerCase())
  .pipe(z.email({ pattern: z.regexes.unicodeEmail, message: 'must be an email address' }));

/** Any password as typed; strength is judged by identity when one is set. */
export const Password = z.string().min(1).max(1024);

export const Id = z.uuid();

export const PersonName = z.string().trim().min(1).max(200);
