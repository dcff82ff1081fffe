import { createHash } from 'node:crypto';
import { expectStatus } from './expect-status';
import { enrolTotp, onEasyAccessWithRecoveryCode } from './factories';
import { PortalClient, PortalResponse } from './portal-client';
import { currentRun } from './run-context';
import { HeldPasskey, SoftwareAuthenticator, Tampering } from './software-authenticator';
import { codeForStep } from './totp';

/** Asks the registration options on the browser's host and answers them with the authenticator. */
export async function createPasskey(
  browser: PortalClient,
  authenticator: SoftwareAuthenticator,
  tampering: Tampering = {},
  name?: string,
): Promise<PortalResponse> {
  const options = expectStatus(await browser.post('/api/me/passkeys/registration-options'), 200, 'registration options').body;
  const response = authenticator.create(options, browser.origin, tampering);
  return browser.post('/api/me/passkeys', name ? { response, name } : { response });
}

/** A passkey made and registered, as its card. */
export async function registeredPasskey(browser: PortalClient, authenticator: SoftwareAuthenticator, name?: string) {
  return expectStatus(await createPasskey(browser, authenticator, {}, name), 201, 'register passkey').body as { id: string; name: string };
}

/** The options of a fresh proof on the browser's host. */
export async function proofOptions(browser: PortalClient): Promise<{ challenge: string; rpId: string; allowCredentials: { id: string }[] }> {
  return expectStatus(await browser.post('/api/me/passkeys/proof-options'), 200, 'proof options').body;
}

/** The session proves a passkey of the authenticator (POST /api/me/reauthenticate): what adding another factor asks of a user who holds one. */
export async function provedWithPasskey(browser: PortalClient, authenticator: SoftwareAuthenticator): Promise<void> {
  const passkey = authenticator.assert(await proofOptions(browser), browser.origin);
  expectStatus(await browser.post('/api/me/reauthenticate', { passkey }), 204, 'reauthenticate with a passkey');
}

/** Removes a passkey, proving presence with an assertion of the authenticator's newest passkey for this host. */
export async function removeWithPasskey(
  browser: PortalClient,
  authenticator: SoftwareAuthenticator,
  passkeyId: string,
  tampering: Tampering = {},
): Promise<PortalResponse> {
  const passkey = authenticator.assert(await proofOptions(browser), browser.origin, tampering);
  return browser.delete(`/api/me/passkeys/${passkeyId}`, { json: { passkey } });
}

export function renamePasskey(browser: PortalClient, passkeyId: string, name: unknown): Promise<PortalResponse> {
  return browser.request('PATCH', `/api/me/passkeys/${passkeyId}`, { json: { name } });
}

type RequestOptionsJSON = { challenge: string; rpId: string; allowCredentials: { id: string }[]; userVerification?: string };

/** The usernameless sign-in options of the browser's host, as the sign-in page asks them (no session needed). */
export async function signInOptions(browser: PortalClient): Promise<RequestOptionsJSON> {
  return expectStatus(await browser.post('/api/auth/passkey/options'), 200, 'passkey sign-in options').body;
}

/** Signs in with a passkey as the first factor: the authenticator's newest passkey for this host unless one is named. */
export async function signInWithPasskey(
  browser: PortalClient,
  authenticator: SoftwareAuthenticator,
  tampering: Tampering = {},
  passkey?: HeldPasskey,
): Promise<PortalResponse> {
  const response = authenticator.assert(await signInOptions(browser), browser.origin, tampering, passkey);
  return browser.post('/api/auth/passkey', { response });
}

/** The options of the second step's method `passkey`, in a sign-in waiting at `totp`. */
export async function secondStepOptions(browser: PortalClient): Promise<RequestOptionsJSON> {
  return expectStatus(await browser.post('/api/auth/totp/passkey-options'), 200, 'second step passkey options').body;
}

/** Answers the second step with a passkey of the authenticator (its newest for this host unless one is named). */
export async function answerSecondStepWithPasskey(
  browser: PortalClient,
  authenticator: SoftwareAuthenticator,
  tampering: Tampering = {},
  passkey?: HeldPasskey,
): Promise<PortalResponse> {
  const assertion = authenticator.assert(await secondStepOptions(browser), browser.origin, tampering, passkey);
  return browser.post('/api/auth/totp', { passkey: assertion });
}

/**
 * The Redis key under which the gateway keeps the public key of the
 * authenticator's newest passkey for `host`: the digest of the RP ID and the
 * credential id (apps/gateway/src/passkeys/passkey-keys.ts).
 */
export function keptKeyOf(host: string, authenticator: SoftwareAuthenticator): string {
  const digest = createHash('sha256').update(`${host} ${authenticator.newestFor(host).credentialId}`).digest('base64url');
  return `${currentRun().redisKeyPrefix}passkey-key:${digest}`;
}

/**
 * The authenticator's passkey on `second`'s host too, for a user who holds one
 * on `first`'s (where `first` is signed in): a password session on `second`
 * proves no factor, and adding one asks for a factor held. So the code is
 * turned on in `first` (once its passkey is proved), answers the sign-in on
 * `second`, and is turned off again on the easy access host (where the account's code changes) once the passkey is made. `toCodeStep`
 * takes `second` from the password to the code step (on the easy access host,
 * the choice of portal follows the code); `second` is left signed in.
 */
export async function registeredPasskeyOnSecondHost(
  first: PortalClient,
  second: PortalClient,
  member: { email: string; password: string },
  authenticator: SoftwareAuthenticator,
  toCodeStep: (browser: PortalClient) => Promise<unknown>,
): Promise<{ id: string; name: string }> {
  await provedWithPasskey(first, authenticator);
  const { secret, step, confirmation } = await enrolTotp(first);
  await toCodeStep(second);
  const afterCode = expectStatus(await second.post('/api/auth/totp', { code: codeForStep(secret, step) }), 200, 'code step');
  // On the easy access host the code comes before the choice of portal: any of them will do, the passkey is the host's.
  if (afterCode.body.next === 'select_portal') {
    const [portal] = afterCode.body.portals as { id: string }[];
    expectStatus(await second.post('/api/auth/portal', { portalId: portal.id }), 200, 'portal choice');
  }
  const made = await registeredPasskey(second, authenticator);
  // Off on the easy access host, where the account's code changes.
  const [recoveryCode] = confirmation.body.recoveryCodes as string[];
  const easy = await onEasyAccessWithRecoveryCode(member, recoveryCode);
  expectStatus(await easy.delete('/api/me/totp', { json: { password: member.password } }), 204, 'turn the code off');
  return made;
}
