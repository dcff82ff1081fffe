import { DevicePlatform, Email, Id, Password, SingleLine } from '@app/contracts';
import { z } from 'zod';

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
export const BiometricKeyBody = z.object({ publicKey: z.string().min(40).max(400) });
export const ChallengeBody = z.object({ deviceId: Id });
export const UnlockBody = z.union([
  z.object({ deviceId: Id, deviceSecret: DeviceSecret, pin: z.string().max(100) }),
  z.object({ deviceId: Id, deviceSecret: DeviceSecret, challenge: z.string().min(1).max(200), signature: z.string().min(1).max(400) }),
]);
