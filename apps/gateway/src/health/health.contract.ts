import { z } from 'zod';

export const Liveness = z.object({ status: z.literal('ok') });
export type Liveness = z.output<typeof Liveness>;

const CheckState = z.enum(['up', 'down']);
export type CheckState = z.output<typeof CheckState>;

export const Readiness = z.object({
  status: z.enum(['ok', 'unavailable']),
  failed: z.array(z.string()).meta({ description: 'The checks that are down, in the order of `checks`' }),
  checks: z.object({
    redis: CheckState,
    nats: CheckState,
    identity: CheckState,
    mfa: CheckState,
    tenancy: CheckState,
    postgres: CheckState.meta({ description: 'Down when a service that answers says its database is; up when none answers' }),
  }),
});
export type Readiness = z.output<typeof Readiness>;
