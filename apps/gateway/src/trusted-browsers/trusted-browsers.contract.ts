import { z } from 'zod';
import { Instant } from '../http/answers.decorator';

/** A browser the user trusted, as their security settings list it. */
export const TrustedBrowserView = z.object({
  id: z.string(),
  device: z.string().nullable().meta({ description: 'Browser and system, e.g. "Chrome · Linux"; null when the browser did not say' }),
  createdAt: Instant,
  expiresAt: Instant.meta({ description: 'At the latest; sooner if the company shortens its days' }),
  current: z.boolean().meta({ description: 'The browser of this request' }),
});
export type TrustedBrowserView = z.output<typeof TrustedBrowserView>;
