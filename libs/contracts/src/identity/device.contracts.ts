import { z } from 'zod';
import { defineRequest } from '../messages/message-contract';
import { ProvenFactor, ProvenFactors } from './factors';
import { Id, SingleLine } from './values';

export const DevicePlatform = z.enum(['ios', 'android']);
export const Pin = z.string().regex(/^\d{4}$/, 'must be exactly 4 digits');

/**
 * The most chosen 4-digit PINs in the DataGenetics study of 3.4 million
 * (2012) that no pattern below covers: with the patterns, a large share of
 * all PINs chosen (1234, 1111, 0000, 1212 and 7777 alone are one in five),
 * which a thief holding the phone tries in the five guesses it gives.
 */
const MOST_CHOSEN = new Set(['1004', '2000', '1122', '2001']);

/**
 * Whether a thief would try this PIN first: one digit four times (1111),
 * a run up or down (1234, 4321), two digits twice (1212), or one of the most
 * chosen. Refused when a PIN is chosen, never at an unlock.
 */
export function isGuessablePin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, index) => digit - digits[index]);
  const run = steps.every((step) => step === steps[0] && Math.abs(step) <= 1);
  const pairTwice = pin.slice(0, 2) === pin.slice(2);
  return run || pairTwice || MOST_CHOSEN.has(pin);
}

/** A PIN being chosen: 4 digits, none a thief would try first. */
export const NewPin = Pin.refine((pin) => !isGuessablePin(pin), 'is among the PINs a thief tries first');

export interface DeviceView {
  id: string;
  name: string;
  platform: 'ios' | 'android';
  createdAt: string;
  lastUsedAt: string;
  biometrics: boolean;
  /** What the sign-in that registered the device proved, as the user's sessions list says. */
  factors: ProvenFactor[];
}

export interface UnlockedDevice {
  userId: string;
  deviceId: string;
  /** The company chosen on this device last time, if any. */
  lastCompanyId: string | null;
  /** The user's credential version the device was checked against. */
  credentialVersion: number;
  /** What the sign-in that registered the device proved: a portal that requires 2FA asks for a second factor here. */
  factors: ProvenFactor[];
}

const DeviceSecret = z.string().min(20).max(100);

/**
 * A mobile device, bound to the server like a bank's app: a random device
 * secret, a 4-digit PIN whose verifier is keyed by that secret (a database dump
 * alone cannot test PINs), optionally a biometric key (EC P-256), and the
 * user's credential version at registration.
 */
export const DevicePatterns = {
  /**
   * `credentialVersion` is the one seen when the user signed in: a password
   * changed since then refuses the device (credentials_changed). `factors`
   * are the ones that sign-in proved, kept with the device.
   */
  register: defineRequest<{ deviceId: string; deviceSecret: string }>()(
    'identity.device.register',
    z.object({
      userId: Id,
      credentialVersion: z.number().int().positive(),
      name: SingleLine(100),
      platform: DevicePlatform,
      pin: NewPin,
      factors: ProvenFactors.min(1),
    }),
  ),
  /** @throws not_found unless it is the user's own active device; validation_failed for a key that is not EC P-256 SPKI. */
  /**
   * Takes the device's secret and PIN, checked and counted as an unlock's.
   * @throws the unlock's refusals by PIN, validation_failed (not a P-256 key), not_found (another user's device)
   */
  setBiometricKey: defineRequest<Record<string, never>>()(
    'identity.device.set-biometric-key',
    z.object({ userId: Id, deviceId: Id, deviceSecret: DeviceSecret, pin: z.string().max(10), publicKey: z.string().min(40).max(400) }),
  ),
  /**
   * @throws invalid_credentials (unknown device or wrong secret), device_revoked,
   * credentials_changed (the password changed since registration, or an admin
   * turned 2FA off), invalid_pin with details { attemptsLeft } (the 5th wrong
   * PIN in a row revokes the device), invalid_signature.
   */
  unlock: defineRequest<UnlockedDevice>()(
    'identity.device.unlock',
    z.union([
      z.object({ deviceId: Id, deviceSecret: DeviceSecret, pin: z.string().max(10) }),
      z.object({
        deviceId: Id,
        deviceSecret: DeviceSecret,
        challenge: z.string().min(1).max(200),
        signature: z.string().min(1).max(400),
      }),
    ]),
  ),
  rememberCompany: defineRequest<Record<string, never>>()(
    'identity.device.remember-company',
    z.object({ userId: Id, deviceId: Id, companyId: Id }),
    { idempotent: true },
  ),
  list: defineRequest<DeviceView[]>()('identity.device.list', z.object({ userId: Id }), { idempotent: true }),
  /** @throws not_found unless it is the user's own active device. */
  revoke: defineRequest<Record<string, never>>()('identity.device.revoke', z.object({ userId: Id, deviceId: Id })),
} as const;
