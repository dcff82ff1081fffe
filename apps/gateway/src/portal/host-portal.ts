import { CompanyView } from '@app/contracts';
import { z } from 'zod';

/** What the request's host is: a company's portal, or the easy access host that belongs to none. */
export type HostPortal = { kind: 'easy_access' } | { kind: 'company'; company: CompanyView };

/** A portal as front ends see it. */
export const Portal = z.object({
  id: z.string().meta({ description: "The company's id" }),
  name: z.string(),
  url: z.string().meta({ description: 'Where its sign-in page is' }),
});
export type Portal = z.output<typeof Portal>;
