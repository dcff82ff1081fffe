import { AuthenticationResponseJSON, startAuthentication, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { PasskeyCard, passkeysApi } from './passkeys-api';

/** The person closed the browser's dialog, or it timed out: not an error to shout about. */
export class PasskeyCancelled extends Error {}

/** Runs a step with a passkey ceremony in it. @returns false when the person closed the dialog, which is no failure */
export async function unlessCancelled(step: () => Promise<unknown>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (failure) {
    if (failure instanceof PasskeyCancelled) return false;
    throw failure;
  }
}

/** Turns the browser's "not allowed" (dialog closed, timed out, or the device could not verify the person) into PasskeyCancelled. */
export function calm(error: unknown): never {
  if (error instanceof Error && error.name === 'NotAllowedError') throw new PasskeyCancelled();
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') throw new PasskeyCancelled();
  throw error;
}

/** Options from the gateway, the browser's dialog, then the registration: the whole "create a passkey" step. */
export async function createPasskey(): Promise<PasskeyCard> {
  const optionsJSON = await passkeysApi.registrationOptions();
  const response = await startRegistration({ optionsJSON }).catch(calm);
  return passkeysApi.register(response);
}

/** A fresh proof of presence with one of the user's passkeys for this host: for removing one, or re-authenticating. */
export async function passkeyProof(): Promise<AuthenticationResponseJSON> {
  const optionsJSON = await passkeysApi.proofOptions();
  return startAuthentication({ optionsJSON }).catch(calm);
}

/** Removes a passkey, proving presence with one of this host's passkeys instead of the password. */
export async function removeWithPasskey(id: string): Promise<void> {
  await passkeysApi.removeWithPasskey(id, await passkeyProof());
}
