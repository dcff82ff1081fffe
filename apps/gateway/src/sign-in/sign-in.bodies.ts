import { Email, Id, Password } from '@app/contracts';
import { z } from 'zod';

export const LoginBody = z.object({ email: Email, password: Password });
export const PortalChoiceBody = z.object({ portalId: Id });
