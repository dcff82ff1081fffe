import { MemberRole } from '@app/contracts';
import { z } from 'zod';
import { Portal } from '../portal/host-portal';

/** A client account of the company, as front ends see it. */
export const Account = z.object({ id: z.string(), name: z.string() });
export type Account = z.output<typeof Account>;

/** The signed-in user as front ends see it (GET /api/me, and every answer that changes it). */
export const Me = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string().meta({
      description: "The name this portal's company typed for the user (another firm's never reaches its host); the account's first name only for members added before companies' names were kept",
    }),
    totpEnabled: z.boolean(),
    google: z.boolean(),
  }),
  role: MemberRole,
  portal: Portal,
  portals: z.array(Portal).meta({
    description: "The user's portals: on a company's host that company alone (the host must not name the client's other firms); all of them on the easy access host and in the app",
  }),
  account: Account.nullable().meta({ description: 'The client account acted for; null when the member has none' }),
  accounts: z.array(Account),
  banner: z
    .object({ account: Account, dismissed: z.boolean() })
    .nullable()
    .meta({ description: 'The active account, named until dismissed, when the member has several' }),
  idleMinutes: z.number().int().nullable().meta({
    description: "Minutes without a request that end this web session (the company's or the deployment's): the portal warns a minute before; null for the app's access token",
  }),
});
export type Me = z.output<typeof Me>;
