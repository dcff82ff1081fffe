import providers from './passkey-providers.json';

/**
 * The passkey provider named by an authenticator's AAGUID, from the community
 * list at github.com/passkeydeveloper/passkey-authenticator-aaguids (a few
 * common ones, copied by hand). With attestation `none` the AAGUID is the
 * authenticator's own claim: good for a label on a card, never for a decision.
 * @returns null for an unknown or all-zero AAGUID (Safari sends zeros).
 */
export function providerNameOf(aaguid: string): string | null {
  return (providers as Record<string, string>)[aaguid.toLowerCase()] ?? null;
}
