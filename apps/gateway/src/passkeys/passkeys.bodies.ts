import { DomainError, ErrorCode, Id, Password, PasskeyName } from '@app/contracts';
import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
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

/** A passkey id in the path: anything but a UUID is bad input, not an unknown passkey. */
export class PasskeyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (Id.safeParse(value).success) return value;
    throw new DomainError(ErrorCode.ValidationFailed, 'Invalid passkey id: must be a UUID.');
  }
}
