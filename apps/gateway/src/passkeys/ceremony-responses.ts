import { DomainError, ErrorCode } from '@app/contracts';
import { z } from 'zod';

const Base64Url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
const Transport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

/** The browser's `PublicKeyCredential.toJSON()` of a registration, as @simplewebauthn/browser sends it. */
export const RegistrationResponse = z.object({
  id: Base64Url(1400),
  rawId: Base64Url(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: Base64Url(4000),
    attestationObject: Base64Url(8000),
    authenticatorData: Base64Url(4000).optional(),
    // Unknown transports are dropped, not refused: browsers add new ones. Repeats too: identity keeps each once.
    transports: z.array(z.string().max(20)).max(10).optional()
      .transform((list) => [...new Set(list ?? [])].filter((item): item is z.output<typeof Transport> => Transport.safeParse(item).success)),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: Base64Url(2000).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});

/** The browser's `PublicKeyCredential.toJSON()` of an assertion. */
export const AuthenticationResponse = z.object({
  id: Base64Url(1400),
  rawId: Base64Url(1400),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: Base64Url(4000),
    authenticatorData: Base64Url(4000),
    signature: Base64Url(1000),
    userHandle: Base64Url(200).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});

export type RegistrationResponse = z.output<typeof RegistrationResponse>;
export type AuthenticationResponse = z.output<typeof AuthenticationResponse>;

/**
 * The challenge the authenticator signed, to find its pending ceremony; the
 * library checks it again against the one found.
 * @throws DomainError passkey_challenge_expired when clientDataJSON names none
 */
export function signedChallengeOf(clientDataJSON: string): string {
  try {
    const { challenge } = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    if (typeof challenge === 'string' && /^[A-Za-z0-9_-]{16,200}$/.test(challenge)) return challenge;
  } catch {
    // Not JSON: no challenge either.
  }
  throw challengeExpired();
}

export const challengeExpired = () =>
  new DomainError(ErrorCode.PasskeyChallengeExpired, 'This passkey request expired or was already used: start again.');
