import { DevicePlatform, Email, Id, Password, SingleLine } from '@app/contracts';
import { z } from 'zod';
import { Portal } from '../portal/host-portal';

const LoginToken = z.string().min(20).max(100);
const DeviceSecret = z.string().min(20).max(100);

export const MobileLoginBody = z.union([
  z.object({ email: Email, password: Password }),
  z.object({ googleIdToken: z.string().min(20).max(4096) }),
]);
export const MobileSecondFactorBody = z.union([
  z.object({ loginToken: LoginToken, code: z.string().regex(/^\d{6}$/, 'must be 6 digits') }),
  z.object({ loginToken: LoginToken, recoveryCode: z.string().trim().min(8).max(32) }),
]);
/** PINs are checked by the handler, so that their own error codes answer (invalid_pin, pin_mismatch). */
export const DeviceRegistrationBody = z.object({
  loginToken: LoginToken,
  pin: z.string().max(100),
  pinConfirmation: z.string().max(100),
  name: SingleLine(100),
  platform: DevicePlatform,
});
/** The PIN too, as an unlock takes it: a copy of the device's secret and token must not put a key of its own. */
export const BiometricKeyBody = z.object({ publicKey: z.string().min(40).max(400), deviceSecret: DeviceSecret, pin: z.string().max(10) });
export const ChallengeBody = z.object({ deviceId: Id, deviceSecret: DeviceSecret });
export const UnlockBody = z.union([
  z.object({ deviceId: Id, deviceSecret: DeviceSecret, pin: z.string().max(100) }),
  z.object({ deviceId: Id, deviceSecret: DeviceSecret, challenge: z.string().min(1).max(200), signature: z.string().min(1).max(400) }),
]);

/** Where the app's one-time sign-in stands: the login token carries it to the next step. */
export const MobileLoginAnswer = z.object({
  loginToken: z.string(),
  next: z.enum(['totp', 'create_pin']).meta({
    description: '`totp`: the code or a recovery code (POST /api/mobile/login/totp); `create_pin`: the device registers (POST /api/mobile/devices)',
  }),
});
export type MobileLoginAnswer = z.output<typeof MobileLoginAnswer>;

/** An access token for an unlocked device, on the company it chose last time (or its only one); else the app asks to choose. */
export const MobileAccessGrant = z.object({
  accessToken: z.string().meta({ description: 'Authorization: Bearer, for the API' }),
  expiresIn: z.number().int().meta({ description: 'Seconds' }),
  next: z.enum(['select_portal', 'done']).meta({ description: '`done`: the token is on a portal already; `select_portal`: the app asks the user to choose one of `portals`' }),
  portals: z.array(Portal),
});
export type MobileAccessGrant = z.output<typeof MobileAccessGrant>;

export const RegisteredDevice = z.object({
  deviceId: z.string(),
  deviceSecret: z.string().meta({ description: 'Shown once: every unlock sends it' }),
  ...MobileAccessGrant.shape,
});
export type RegisteredDevice = z.output<typeof RegisteredDevice>;

export const UnlockChallenge = z.object({ challenge: z.string(), expiresIn: z.number().int().meta({ description: 'Seconds' }) });
export type UnlockChallenge = z.output<typeof UnlockChallenge>;
