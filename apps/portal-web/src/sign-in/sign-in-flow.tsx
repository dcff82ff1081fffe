import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/http';
import { portalApi } from '../api/portal-api';
import { SignInState, StepName } from '../api/types';
import { markSignInCompleted } from '../passkeys/sign-in-moment';
import { navigate } from '../routing/router';

/** The screen that serves each step of the sign-in state machine. */
export const screenOfStep: Record<StepName, string> = {
  select_portal: '/sign-in/portal',
  totp: '/sign-in/code',
  totp_enroll: '/sign-in/setup',
  done: '/dashboard',
};

interface SignInFlow {
  /** The last step the API answered, with its extra fields (the portals to choose from). */
  step: SignInState | null;
  follow(step: SignInState, options?: { replace?: boolean }): void;
  /** Keeps a step the API confirmed without leaving the screen (several screens serve `totp`). */
  remember(step: SignInState): void;
  /** Signs out, or abandons the sign-in in progress, and shows the sign-in screen. */
  /** Ends the session and goes back to sign-in; `signedOut` says so there, for a sign-out the person asked for. */
  restart(options?: { signedOut?: boolean }): Promise<void>;
}

const SignInFlowContext = createContext<SignInFlow | null>(null);

export function SignInFlowProvider({ children }: { children: ReactNode }) {
  const [step, setStep] = useState<SignInState | null>(null);

  const follow = useCallback((next: SignInState, options: { replace?: boolean } = {}) => {
    setStep(next);
    if (next.next === 'done') markSignInCompleted();
    navigate(screenOfStep[next.next], options);
  }, []);

  const restart = useCallback(async (options: { signedOut?: boolean } = {}) => {
    await portalApi.signIn.logout().catch(() => undefined);
    setStep(null);
    navigate(options.signedOut ? '/sign-in?signed-out=1' : '/sign-in');
  }, []);

  const flow = useMemo(() => ({ step, follow, remember: setStep, restart }), [step, follow, restart]);
  return <SignInFlowContext.Provider value={flow}>{children}</SignInFlowContext.Provider>;
}

export function useSignInFlow(): SignInFlow {
  const flow = useContext(SignInFlowContext);
  if (!flow) throw new Error('useSignInFlow needs a SignInFlowProvider above it.');
  return flow;
}

/**
 * The step a screen serves, once the API confirms the sign-in waits for it:
 * a screen opened by its address (a reload, a bookmark) asks GET
 * /api/auth/state, and moves to the right screen when another step is due.
 */
export function useExpectedStep(expected: StepName): { step: SignInState | null; failure: unknown } {
  const { step, follow, remember } = useSignInFlow();
  const [failure, setFailure] = useState<unknown>(null);
  const confirmed = step?.next === expected;

  useEffect(() => {
    if (confirmed) return;
    portalApi.signIn.state().then(
      (current) => (current.next === expected ? remember(current) : follow(current, { replace: true })),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) navigate('/sign-in', { replace: true });
        else setFailure(error);
      },
    );
  }, [confirmed, expected, follow, remember]);

  return { step: confirmed ? step : null, failure };
}
