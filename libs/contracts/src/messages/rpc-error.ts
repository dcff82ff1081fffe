/**
 * Error codes shared by every service and the gateway. They reach front ends as
 * the `error` field of HTTP answers: never change a shipped value, only add.
 */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  InvalidCredentials: 'invalid_credentials',
  InvalidToken: 'invalid_token',
  WeakPassword: 'weak_password',
  NotFound: 'not_found',
  Conflict: 'conflict',
  Forbidden: 'forbidden',
  Unauthenticated: 'unauthenticated',
  Unavailable: 'unavailable',
  Internal: 'internal',
  InvalidCode: 'invalid_code',
  TotpLocked: 'totp_locked',
  /** Too many wrong codes in a row: only a recovery code, or an admin turning 2FA off, unlocks it. */
  FactorLocked: 'factor_locked',
  InvalidPin: 'invalid_pin',
  PinMismatch: 'pin_mismatch',
  /** A PIN being chosen that a thief would try first (isGuessablePin). */
  GuessablePin: 'guessable_pin',
  DeviceRevoked: 'device_revoked',
  CredentialsChanged: 'credentials_changed',
  InvalidSignature: 'invalid_signature',
  /** An admin turns off a user's 2FA only in answer to the user's own request to the company, while it stands. */
  NoOpenHelpRequest: 'no_open_help_request',
  /** A passkey assertion that does not verify: unknown credential, another host's, bad signature, or a counter that went back. */
  InvalidPasskey: 'invalid_passkey',
  /** A passkey registration that does not verify: wrong origin or RP ID, no user verification, unsupported key. */
  PasskeyRejected: 'passkey_rejected',
  /** A passkey ceremony's challenge that was never issued here, was already used, or is older than 5 minutes. */
  PasskeyChallengeExpired: 'passkey_challenge_expired',
  // Codes the gateway answers at the HTTP edge.
  UnknownPortal: 'unknown_portal',
  CsrfRejected: 'csrf_rejected',
  UnsupportedMediaType: 'unsupported_media_type',
  InvalidJson: 'invalid_json',
  PayloadTooLarge: 'payload_too_large',
  /** Not received whole within REQUEST_TIMEOUT_SECONDS: the connection closes. */
  RequestTimeout: 'request_timeout',
  /** Not HTTP that Node can read: the connection closes. */
  MalformedRequest: 'malformed_request',
  /** A request line and headers past Node's 16 KiB: the connection closes. */
  HeadersTooLarge: 'headers_too_large',
  RateLimited: 'rate_limited',
  /** A mobile Google ID token that already signed in once. */
  IdTokenReplayed: 'id_token_replayed',
  NoLoginInProgress: 'no_login_in_progress',
  /** The portal requires two-factor authentication and the user has none yet. */
  TotpRequired: 'totp_required',
  /** A sensitive change needs a proof (password, code or passkey) made in the last 5 minutes: POST /api/me/reauthenticate. */
  ReauthenticationRequired: 'reauthentication_required',
  /** An Idempotency-Key sent again with another request. */
  IdempotencyKeyReused: 'idempotency_key_reused',
  /** An Idempotency-Key whose first request has not answered yet. */
  IdempotencyKeyInFlight: 'idempotency_key_in_flight',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The shape an error takes on the wire between services. */
export interface RpcErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** An expected failure, carrying a code that the gateway maps to an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toPayload(): RpcErrorPayload {
    return { code: this.code, message: this.message, ...(this.details && { details: this.details }) };
  }
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RpcErrorPayload).code === 'string' &&
    typeof (value as RpcErrorPayload).message === 'string'
  );
}

/** @throws DomainError with `code` when `condition` is false. */
export function assertThat(condition: unknown, code: ErrorCode, message: string): asserts condition {
  if (!condition) throw new DomainError(code, message);
}
