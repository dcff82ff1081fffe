import { Id, Password } from '@app/contracts';
import { z } from 'zod';
import { SessionSummary } from '../sessions/session-summary';
import { SignInStep } from '../sign-in/sign-in.contract';

export const AccountChoiceBody = z.object({ accountId: Id });
export const PortalSwitchBody = z.object({ portalId: Id });
/** `endOtherSessions`: false keeps the user's other signed-in web sessions (ASVS 5.0 7.4.3 lets them choose); ending them is the default. */
export const PasswordChangeBody = z.object({ currentPassword: Password, newPassword: Password, endOtherSessions: z.boolean().default(true) });
export const PasswordChanged = z.object({ otherSessions: z.array(SessionSummary).meta({ description: 'The web sessions kept' }) });
export type PasswordChanged = z.output<typeof PasswordChanged>;

export const TotpCodeBody = z.object({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') });
export const PasswordBody = z.object({ password: Password });

export const TotpSetup = z.object({
  secret: z.string().meta({ description: 'Base32, for typing when the QR code cannot be scanned' }),
  otpauthUrl: z.string(),
  qrSvg: z.string().meta({ description: 'The otpauth URI as an SVG QR code' }),
});
export type TotpSetup = z.output<typeof TotpSetup>;

const recoveryCodes = z.array(z.string()).meta({ description: 'Shown once' });
export const RecoveryCodes = z.object({ recoveryCodes });
export type RecoveryCodes = z.output<typeof RecoveryCodes>;

/** During a sign-in (`totp_enroll`) the confirmation also answers the sign-in's next step. */
export const TotpConfirmed = z.union([RecoveryCodes, ...SignInStep.options.map((step) => step.extend({ recoveryCodes }))]);
export type TotpConfirmed = z.output<typeof TotpConfirmed>;
