import { Password } from '@app/contracts';
import { z } from 'zod';
import { AuthenticationResponse } from '../passkeys/ceremony-responses';

/** One proof of who is there: the password, a code from the app or a recovery code, or a passkey of this host. */
export const ReauthenticationBody = z.union([
  z.object({ password: Password }).strict(),
  z.object({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') }).strict(),
  z.object({ recoveryCode: z.string().trim().min(8).max(32) }).strict(),
  z.object({ passkey: AuthenticationResponse }).strict(),
]);
export type ReauthenticationBody = z.output<typeof ReauthenticationBody>;
