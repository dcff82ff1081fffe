import { DomainError, ErrorCode, Id, Password, PasskeyName } from '@app/contracts';
import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { Instant } from '../http/answers.decorator';
import { AuthenticationResponse, RegistrationResponse } from './ceremony-responses';

export const RegisterPasskeyBody = z.object({
  /** What `navigator.credentials.create()` answered, as JSON (@simplewebauthn/browser's `startRegistration`). */
  response: RegistrationResponse,
  /** Defaults to the provider's name (from the AAGUID), else "Clé d'accès" or "Passkey" after Accept-Language. */
  name: PasskeyName.optional(),
});

export const RenamePasskeyBody = z.object({ name: PasskeyName });

/** Removing a passkey takes a fresh proof: the password again, or an assertion of one of the user's passkeys on this host. */
export const RemovePasskeyBody = z.union([
  z.object({ password: Password }).strict(),
  z.object({ passkey: AuthenticationResponse }).strict(),
]);

/**
 * A passkey id in the path: anything but a UUID is bad input, not an unknown
 * passkey. Lowercased, as `Id` reads ids: the sessions it proved are found
 * by its id compared as text (SessionStore.deleteOfPasskey).
 */
export class PasskeyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const id = Id.safeParse(value);
    if (id.success) return id.data;
    throw new DomainError(ErrorCode.ValidationFailed, 'Invalid passkey id: must be a UUID.');
  }
}

/** A passkey as the security settings show it: no key material, no credential id. */
export const PasskeyCard = z.object({
  id: z.string().meta({ format: 'uuid' }),
  name: z.string(),
  provider: z.string().nullable().meta({ description: 'The provider that keeps it, from its AAGUID, e.g. "iCloud Keychain"; null when unknown' }),
  aaguid: z.string().meta({ format: 'uuid' }),
  synced: z.boolean().meta({ description: "Backed up to the provider's cloud (a multi-device passkey), so losing one device does not lose it" }),
  createdAt: Instant,
  lastUsedAt: Instant.nullable().meta({ description: 'Null until first used' }),
});
export type PasskeyCard = z.output<typeof PasskeyCard>;

/*
 * The WebAuthn options are @simplewebauthn/server's, handed to the browser's
 * (or the platform's) ceremony as they are: the fields it emits are named,
 * and loose objects let through whatever a newer version adds, so that the
 * serializer never drops part of a ceremony.
 */

const Descriptor = z.looseObject({
  id: z.string().meta({ description: 'A credential id, base64url' }),
  transports: z.array(z.string()).optional(),
  type: z.string().meta({ description: '`public-key`' }),
});
const Requirement = z.enum(['discouraged', 'preferred', 'required']);
const Hints = z.array(z.enum(['hybrid', 'security-key', 'client-device']));
const Extensions = z.looseObject({ credProps: z.boolean().optional() });

/** PublicKeyCredentialCreationOptionsJSON, for @simplewebauthn/browser's startRegistration({ optionsJSON }). */
export const PasskeyCreationOptions = z.looseObject({
  challenge: z.string(),
  rp: z.looseObject({ name: z.string(), id: z.string().optional() }),
  user: z.looseObject({
    id: z.string().meta({ description: 'The user handle: the user id, base64url' }),
    name: z.string().meta({ description: 'The email' }),
    displayName: z.string().meta({ description: "The name the company of the session's portal typed for the user" }),
  }),
  pubKeyCredParams: z.array(z.looseObject({ alg: z.number().int(), type: z.literal('public-key') })),
  timeout: z.number().int().optional(),
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
  excludeCredentials: z.array(Descriptor).optional().meta({ description: "The user's passkeys on this host: one per authenticator" }),
  authenticatorSelection: z
    .looseObject({
      residentKey: Requirement.optional(),
      requireResidentKey: z.boolean().optional(),
      userVerification: Requirement.optional(),
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    })
    .optional(),
  extensions: Extensions.optional(),
  hints: Hints.optional(),
});
export type PasskeyCreationOptions = Declared<z.output<typeof PasskeyCreationOptions>>;

/** PublicKeyCredentialRequestOptionsJSON, for @simplewebauthn/browser's startAuthentication({ optionsJSON }). */
export const PasskeyRequestOptions = z.looseObject({
  rpId: z.string().optional(),
  challenge: z.string(),
  allowCredentials: z.array(Descriptor).optional().meta({ description: 'The passkeys that may answer; empty: any of this host (the browser offers its own)' }),
  timeout: z.number().int().optional(),
  userVerification: Requirement.optional(),
  extensions: Extensions.optional(),
  hints: Hints.optional(),
});
export type PasskeyRequestOptions = Declared<z.output<typeof PasskeyRequestOptions>>;

/**
 * A loose object's type without the index signature that lets extra
 * properties through: the library's interfaces, which have none, then fit it,
 * and the compiler still checks every field the schema names.
 */
type Declared<T> = T extends readonly (infer Item)[]
  ? Declared<Item>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Declared<T[K]> }
    : T;
