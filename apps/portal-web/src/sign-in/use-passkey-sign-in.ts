import { WebAuthnAbortService } from '@simplewebauthn/browser';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { SignInStep } from '../api/types';
import { PasskeyCancelled } from '../passkeys/passkey-ceremonies';
import { useAction } from '../ui/use-action';
import { aborted, signInThroughAutofill, signInWithPasskey } from './passkey-sign-in';

/** The gateway's challenge lives 5 minutes: an autofill still waiting by then starts again with fresh options. */
const FRESH_OPTIONS_MS = 4 * 60_000;

/**
 * The sign-in screen's passkeys: the email field's autofill while the screen
 * waits, and the button's dialog. One ceremony at a time: the dialog and the
 * password form stop the autofill, which starts again when they fail.
 */
export function usePasskeySignIn(follow: (step: SignInStep) => void) {
  const dialog = useAction();
  const [autofill, setAutofill] = useState({ on: true, round: 0 });
  const [refused, setRefused] = useState<unknown>(null);
  const [notUsed, setNotUsed] = useState(false);

  const resumeAutofill = useCallback(() => setAutofill(({ round }) => ({ on: true, round: round + 1 })), []);
  const stopAutofill = useCallback(() => {
    setAutofill((state) => ({ ...state, on: false }));
    WebAuthnAbortService.cancelCeremony();
  }, []);

  useEffect(() => {
    if (!autofill.on) return;
    let live = true;
    signInThroughAutofill(() => live).then(
      (step) => live && step && follow(step),
      (error: unknown) => {
        if (!live || aborted(error)) return;
        // Only a refused assertion starts it again: the person acted, so this cannot spin.
        if (error instanceof ApiError) {
          setRefused(error);
          resumeAutofill();
        }
      },
    );
    const refresh = setTimeout(resumeAutofill, FRESH_OPTIONS_MS);
    return () => {
      live = false;
      clearTimeout(refresh);
      WebAuthnAbortService.cancelCeremony();
    };
  }, [autofill, follow, resumeAutofill]);

  const withDialog = () =>
    dialog.run(async () => {
      stopAutofill();
      setRefused(null);
      setNotUsed(false);
      try {
        follow(await signInWithPasskey());
      } catch (error) {
        resumeAutofill();
        if (error instanceof PasskeyCancelled) setNotUsed(true);
        else throw error;
      }
    });

  /** Before the password is sent: no passkey may answer for it meanwhile. */
  const beforePassword = () => {
    stopAutofill();
    setRefused(null);
    setNotUsed(false);
    dialog.setError(null);
  };

  return { withDialog, beforePassword, afterPasswordFailed: resumeAutofill, pending: dialog.pending, error: dialog.error ?? refused, notUsed };
}
