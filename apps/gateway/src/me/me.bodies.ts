import { Id, Password } from '@app/contracts';
import { z } from 'zod';

export const AccountChoiceBody = z.object({ accountId: Id });
export const PortalSwitchBody = z.object({ portalId: Id });
export const PasswordChangeBody = z.object({ currentPassword: Password, newPassword: Password });
