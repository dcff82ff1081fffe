const JUST_SIGNED_IN = 'portal.passkey-offer';
const DISMISSED = 'portal.passkey-offer-dismissed';
/** "Not now" holds for a month: the offer must never become nagging. */
const DISMISSAL_MS = 30 * 24 * 3600 * 1000;

function storage(kind: 'session' | 'local'): Storage | null {
  try {
    return kind === 'session' ? sessionStorage : localStorage;
  } catch {
    // Storage refused (private mode, policy): no offer, which is the safe side.
    return null;
  }
}

/** Called when a sign-in reaches `done`: the next dashboard may offer a passkey, once. */
export function markSignInCompleted(): void {
  storage('session')?.setItem(JUST_SIGNED_IN, '1');
}

/** Whether this page load follows a sign-in; the mark is spent by reading it. */
export function takeSignInMoment(): boolean {
  const session = storage('session');
  const marked = session?.getItem(JUST_SIGNED_IN) === '1';
  session?.removeItem(JUST_SIGNED_IN);
  return marked;
}

const dismissalKey = (userId: string) => `${DISMISSED}:${userId}@${window.location.hostname}`;

export function offerDismissed(userId: string): boolean {
  const at = Number(storage('local')?.getItem(dismissalKey(userId)));
  return Number.isFinite(at) && Date.now() - at < DISMISSAL_MS;
}

export function dismissOffer(userId: string): void {
  storage('local')?.setItem(dismissalKey(userId), String(Date.now()));
}
