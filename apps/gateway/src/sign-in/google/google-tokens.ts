import { singleUseKind } from './single-use-tokens';

/** Where a Google sign-in began, and so where it ends. */
export interface GoogleStart {
  /** The starting portal's origin (a company's host, or the easy access host). */
  origin: string;
  /** Hash of the binding cookie on the starting host, checked by the handoff. */
  handoffBinding: string;
}

/** The `state` sent to Google: the PKCE verifier stays here, never in the browser. */
export interface GoogleState extends GoogleStart {
  verifier: string;
  /** Hash of the binding cookie on the easy access host, checked by the callback. */
  binding: string;
}

export interface Handoff {
  /** Null for a Google account no user has: it comes back through the handoff all the same (see GoogleSignIn.handOff). */
  userId: string | null;
  /** The starting host: the token works there only. */
  host: string;
  handoffBinding: string;
}

/** Carries a sign-in begun on a company's host over to the easy access host, where Google's callback lands. */
export const StartTicket = singleUseKind<GoogleStart>('google-start', 5 * 60);
/** Lives as long as a person may take at Google's consent screen. */
export const StateToken = singleUseKind<GoogleState>('google-state', 10 * 60);
/** Only bridges two redirects: a minute is ample, and a leaked URL soon worthless. */
export const HandoffToken = singleUseKind<Handoff>('google-handoff', 60);
