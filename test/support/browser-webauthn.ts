import { CDPSession, Page } from 'playwright-core';
import { HeldPasskey } from './software-authenticator';

/** What a device can do: a phone with a fingerprint reader by default; `isUserVerified: false` when the finger is not recognised. */
export interface DeviceAbilities {
  hasUserVerification?: boolean;
  isUserVerified?: boolean;
}

export interface VirtualAuthenticator {
  webauthn: CDPSession;
  authenticatorId: string;
}

/**
 * Chromium's virtual authenticator (DevTools protocol, CTAP2, internal
 * transport, resident keys) attached to the page, answering every request
 * without a click: it stands in for a phone's or laptop's platform authenticator.
 */
export async function withVirtualAuthenticator(page: Page, abilities: DeviceAbilities = {}): Promise<VirtualAuthenticator> {
  const webauthn = await page.context().newCDPSession(page);
  await webauthn.send('WebAuthn.enable');
  const added = await webauthn.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: abilities.hasUserVerification ?? true,
      isUserVerified: abilities.isUserVerified ?? true,
      automaticPresenceSimulation: true,
    },
  });
  return { webauthn, authenticatorId: added.authenticatorId };
}

/**
 * Puts into the virtual authenticator a passkey registered earlier through the
 * API by the software authenticator (the same private key, credential id and
 * user handle): "the passkey already on her phone", without replaying the registration screens.
 */
export async function holdPasskey({ webauthn, authenticatorId }: VirtualAuthenticator, passkey: HeldPasskey): Promise<void> {
  const base64 = (base64url: string) => Buffer.from(base64url, 'base64url').toString('base64');
  await webauthn.send('WebAuthn.addCredential', {
    authenticatorId,
    credential: {
      credentialId: base64(passkey.credentialId),
      isResidentCredential: true,
      rpId: passkey.rpId,
      privateKey: passkey.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      userHandle: base64(passkey.userHandle),
      signCount: passkey.counter,
    },
  });
}

/** How many sign-ins with a passkey the device has signed: each assertion counts one more. */
export async function signaturesMade({ webauthn, authenticatorId }: VirtualAuthenticator): Promise<number[]> {
  const { credentials } = (await webauthn.send('WebAuthn.getCredentials', { authenticatorId })) as { credentials: { signCount: number }[] };
  return credentials.map((credential) => credential.signCount);
}

declare global {
  interface Window {
    /** The `mediation` of each navigator.credentials.get() the page made ("optional" for a dialog). */
    passkeyRequests?: string[];
  }
}

/**
 * Records each navigator.credentials.get() the page makes. Chromium's virtual
 * authenticator answers a conditional (autofill) request at once when it holds
 * a passkey, where a person would pick it: a spec that wants the autofill
 * waiting gives the device its passkey only once the request is made.
 */
export async function recordPasskeyRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const get = navigator.credentials.get.bind(navigator.credentials);
    window.passkeyRequests = [];
    navigator.credentials.get = (options?: CredentialRequestOptions) => {
      window.passkeyRequests!.push(options?.mediation ?? 'optional');
      return get(options);
    };
  });
}

export async function autofillWaiting(page: Page): Promise<void> {
  await page.waitForFunction(() => window.passkeyRequests?.includes('conditional'));
}

/**
 * A lax or tampered client: it asks the device not to verify the person,
 * whatever the gateway's options say, and offers no autofill.
 */
export async function laxAboutVerification(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const get = navigator.credentials.get.bind(navigator.credentials);
    PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
    navigator.credentials.get = (options?: CredentialRequestOptions) =>
      get({ ...options, publicKey: { ...options!.publicKey!, userVerification: 'discouraged' } });
  });
}
