import { DomainError, ErrorCode } from '@app/contracts';

/** One answer for every cause, so that nobody learns which emails have an account. */
export function invalidCredentials(): DomainError {
  return new DomainError(ErrorCode.InvalidCredentials, 'The email or password is incorrect.');
}
