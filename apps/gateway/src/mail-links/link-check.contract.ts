import { MailedLinkPurpose } from '@app/contracts';
import { z } from 'zod';

/** The token travels in a body, never in a query string that access logs would keep. */
export const LinkCheckBody = z.object({ token: z.string().min(1).max(200), purpose: MailedLinkPurpose });

export const LinkCheck = z.object({ usable: z.boolean().meta({ description: 'False for an unknown, used or expired link' }) });
export type LinkCheck = z.output<typeof LinkCheck>;
