import { Email, Password } from '@app/contracts';
import { z } from 'zod';

export const TokenPasswordBody = z.object({ token: z.string().min(1).max(200), password: Password });
export const ForgotPasswordBody = z.object({ email: Email });
