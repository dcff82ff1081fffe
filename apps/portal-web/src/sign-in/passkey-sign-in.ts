import { browserSupportsWebAuthnAutofill, startAuthentication } from '@simplewebauthn/browser';
import { portalApi } from '../api/portal-api';
import { SignInStep } from '../api/types';
import { calm } from '../passkeys/passkey-ceremonies';

/** "Sign in with a passkey": the browser's dialog lists this host's passkeys, no email needed. */
export async function signInWithPasskey(): Promise<SignInStep> {
  const optionsJSON = await portalApi.signIn.passkeyOptions();
  const response = await startAuthentication({ optionsJSON }).catch(calm);
  return portalApi.signIn.withPasskey(response);
}

/**
 * The email field's autofill offers this host's passkeys (conditional
 * mediation). It waits, silently, until the person picks one; null when the
 * browser cannot, or the options could not be had: the password form is there.
 * `wanted` is asked again once the options arrive, so that a screen left or a
 * dialog started meanwhile is not overtaken by a stale ceremony.
 */
export async function signInThroughAutofill(wanted: () => boolean): Promise<SignInStep | null> {
  if (!(await browserSupportsWebAuthnAutofill())) return null;
  const optionsJSON = await portalApi.signIn.passkeyOptions().catch(() => null);
  if (!optionsJSON || !wanted()) return null;
  const response = await startAuthentication({ optionsJSON, useBrowserAutofill: true });
  return portalApi.signIn.withPasskey(response);
}

/** The second step answered with one of the signing-in user's passkeys for this host. */
export async function answerWithPasskey(trustBrowser: boolean): Promise<SignInStep> {
  const optionsJSON = await portalApi.signIn.secondStepPasskeyOptions();
  const response = await startAuthentication({ optionsJSON }).catch(calm);
  return portalApi.signIn.verifyPasskey(response, trustBrowser);
}

/** A ceremony ended by the page itself (a new one, the password sent, the screen left): nothing to tell. */
export function aborted(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
