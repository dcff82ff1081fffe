import { startAuthentication, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { PasskeyCard, passkeysApi } from './passkeys-api';

/** The person closed the browser's dialog, or it timed out: not an error to shout about. */
export class PasskeyCancelled extends Error {}

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

/** Removes a passkey, proving presence with one of this host's passkeys instead of the password. */
export async function removeWithPasskey(id: string): Promise<void> {
  const optionsJSON = await passkeysApi.proofOptions();
  const assertion = await startAuthentication({ optionsJSON }).catch(calm);
  await passkeysApi.removeWithPasskey(id, assertion);
}
