/**
 * The `error` a Google sign-in leaves in the front end's address (`/?error=…`);
 * front ends code against these values: never change one, only add.
 */
export const GoogleSignInError = {
  /** No user has this Google account or its verified email, or none is a member of this portal. */
  NoAccount: 'no_account',
  /** The `state` or the binding cookie did not match, or the state kept no PKCE verifier: a forged, replayed or foreign link. */
  State: 'google_state',
  /** The person cancelled at Google. */
  Cancelled: 'google_cancelled',
  /** Google or a service failed; nothing was linked. */
  Failed: 'google_failed',
  /** The sign-in took too long between two of its redirects; start again. */
  Expired: 'google_expired',
  /** The handoff link is unknown, used, expired, or for another host. */
  HandoffExpired: 'handoff_expired',
  /** Asked after Google whether to join the portal that invited them, the person said no. */
  InvitationDeclined: 'invitation_declined',
} as const;

export type GoogleSignInError = (typeof GoogleSignInError)[keyof typeof GoogleSignInError];

/** The front end's home on `origin` (or this host, for a relative URL), showing `error`. */
export function homeWithError(error: GoogleSignInError, origin = ''): string {
  return `${origin}/?error=${error}`;
}

export const ERROR_LIST = Object.values(GoogleSignInError).join(', ');
