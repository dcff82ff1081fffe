import { ErrorCode } from '@app/common';

/** The one place error codes become HTTP statuses; the compiler checks every code has one. */
export const statusOfError = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_token: 400,
  invalid_credentials: 401,
  invalid_code: 401,
  invalid_pin: 401,
  invalid_signature: 401,
  device_revoked: 401,
  credentials_changed: 401,
  unauthenticated: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  unknown_portal: 404,
  conflict: 409,
  no_login_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  weak_password: 422,
  pin_mismatch: 422,
  rate_limited: 429,
  totp_locked: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;
