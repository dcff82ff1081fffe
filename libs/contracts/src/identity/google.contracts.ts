import { z } from 'zod';
import { defineRequest } from '../messages/message-contract';
import { UserView } from './identity.contracts';
import { Email, PersonName, SingleLine } from './values';

/** What Google said about the person, after the gateway checked the token. */
/**
 * The user a Google sign-in answers; `activated` when this very sign-in
 * activated an invited user, whose waiting invitations then mail acceptance
 * links (a repeated request answers false: best effort, as after any activation).
 */
export type GoogleSignedIn = UserView & { activated: boolean };

export const GoogleProfile = z.object({
  sub: SingleLine(255),
  email: Email,
  emailVerified: z.boolean(),
  name: PersonName.optional(),
});

export const GooglePatterns = {
  /**
   * Finds the user linked to this Google account; at the first sign-in links the
   * user with the same email, only when Google says the email is verified, and
   * activates an invited user. Nothing is ever created.
   * @throws not_found when no user matches.
   */
  signIn: defineRequest<GoogleSignedIn>()('identity.google.sign-in', GoogleProfile, { idempotent: true }),
  /**
   * The user `signIn` would answer, as they are now, without linking or
   * activating anyone: `active` false for an invited user who has not
   * activated, whom `signIn` would activate.
   * @throws not_found when no user matches.
   */
  find: defineRequest<UserView>()('identity.google.find', GoogleProfile, { idempotent: true }),
} as const;
