import { Id, Password } from '@app/contracts';
import { z } from 'zod';

export const AccountChoiceBody = z.object({ accountId: Id });
export const PortalSwitchBody = z.object({ portalId: Id });
/** `endOtherSessions`: false keeps the user's other signed-in web sessions (ASVS 5.0 7.4.3 lets them choose); ending them is the default. */
export const PasswordChangeBody = z.object({ currentPassword: Password, newPassword: Password, endOtherSessions: z.boolean().default(true) });
