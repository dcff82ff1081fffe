import type { GooglePerson } from './google.strategy';
import { singleUseKind, SingleUseTokens } from './single-use-tokens';

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

/**
 * The question the easy access host asks after Google when the person has not
 * answered the invitation of the company whose host the sign-in began on: a
 * newcomer still to activate, or a user of other firms invited there. Both
 * are asked alike, so that the firm cannot tell them apart. Begun on the easy
 * access host, a newcomer is asked about the first company that invited her,
 * then about the next each time she declines.
 */
export interface JoinOffer {
  person: GooglePerson;
  start: GoogleStart;
  userId: string;
  companyId: string;
  portalName: string;
  /** Begun on the easy access host: the companies she declined in this sign-in, not asked about again. */
  declined?: string[];
  /** Hash of a binding cookie on the easy access host: the question is answered in the browser it was asked in. */
  binding: string;
}

/** Carries a sign-in begun on a company's host over to the easy access host, where Google's callback lands. */
export const StartTicket = singleUseKind<GoogleStart>('google-start', 5 * 60);
/** Lives as long as a person may take at Google's consent screen. */
export const StateToken = singleUseKind<GoogleState>('google-state', 10 * 60);
/** Only bridges two redirects: a minute is ample, and a leaked URL soon worthless. */
export const HandoffToken = singleUseKind<Handoff>('google-handoff', 60);
/** As long as a state: a person reads the question, maybe the invitation mail, then answers. */
export const JoinOfferToken = singleUseKind<JoinOffer>('google-join', 10 * 60);

/** The link back to the starting host, which turns the token into the sign-in there (GoogleHandoff). */
export async function handoffLink(tokens: SingleUseTokens, userId: string | null, start: GoogleStart): Promise<string> {
  const host = new URL(start.origin).hostname;
  const token = await tokens.issue(HandoffToken, { userId, host, handoffBinding: start.handoffBinding });
  return `${start.origin}/api/auth/handoff?token=${token}`;
}
