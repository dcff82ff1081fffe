import { z } from 'zod';
import { defineEvent, defineRequest } from '../transport/message-contract';
import { Email, Id, Password, PersonName } from './values';

export interface UserView {
  id: string;
  email: string;
  name: string;
  active: boolean;
  google: boolean;
  /** Bumped whenever credentials change; devices registered under an older one must sign in again. */
  credentialVersion: number;
}

export interface EnsuredUser {
  userId: string;
  /** Set when the user still has to activate the account: the secret for the activation link. */
  activationToken: string | null;
}

export interface HealthReply {
  service: string;
  version: string;
  /** Whether the service's Postgres answered its check in time. */
  database: 'up' | 'down';
}

const LinkOrigin = z.url({ protocol: /^https?$/ });

export const IdentityPatterns = {
  health: defineRequest<HealthReply>()('identity.health.check', z.object({})),
  verifyPassword: defineRequest<UserView>()(
    'identity.user.verify-password',
    z.object({ email: Email, password: Password }),
    { idempotent: true },
  ),
  ensureUser: defineRequest<EnsuredUser>()('identity.user.ensure', z.object({ email: Email, name: PersonName })),
  getUser: defineRequest<UserView>()('identity.user.get', z.object({ userId: Id }), { idempotent: true }),
  findUsers: defineRequest<UserView[]>()('identity.user.find-many', z.object({ userIds: z.array(Id).max(1000) }), { idempotent: true }),
  activate: defineRequest<{ userId: string }>()(
    'identity.user.activate',
    z.object({ token: z.string().min(1).max(200), password: Password }),
  ),
  forgotPassword: defineRequest<Record<string, never>>()(
    'identity.password.forgot',
    z.object({ email: Email, linkOrigin: LinkOrigin }),
  ),
  resetPassword: defineRequest<{ userId: string }>()(
    'identity.password.reset',
    z.object({ token: z.string().min(1).max(200), password: Password }),
  ),
  changePassword: defineRequest<Record<string, never>>()(
    'identity.password.change',
    z.object({ userId: Id, currentPassword: Password, newPassword: Password }),
  ),
  /** Bumps the credential version: every mobile device must sign in again (an admin's 2FA disable). */
  revokeCredentials: defineRequest<{ credentialVersion: number }>()(
    'identity.credentials.revoke',
    z.object({ userId: Id }),
  ),
} as const;

export const IdentityEvents = {
  /** Anything shown of the user changed (name, Google link, activation): cached views are stale. */
  userChanged: defineEvent('identity.user.changed', z.object({ userId: Id })),
} as const;
