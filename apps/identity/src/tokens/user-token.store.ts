import { DomainError, ErrorCode } from '@app/contracts';
import { EntityManager, ref } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { User } from '../users/user.entity';
import { TokenPurpose, UserToken } from './user-token.entity';

const HOUR_MS = 60 * 60 * 1000;

/**
 * An invitation may wait a week; a reset link is a short-lived key to the
 * account; "this wasn't me" under an alert lasts a week, as a mail may be read late.
 */
const lifetimeMs: Record<TokenPurpose, number> = { activation: 7 * 24 * HOUR_MS, reset: HOUR_MS, not_me: 7 * 24 * HOUR_MS };

const invalidToken = () => new DomainError(ErrorCode.InvalidToken, 'This link is invalid, already used, or expired.');

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Mailed link tokens (activation, reset, "this wasn't me"). Every method works inside the caller's unit of work. */
@Injectable()
export class UserTokenStore {
  /** @returns the secret to mail; it is never stored. Persisted when the caller flushes. */
  issue(em: EntityManager, user: User, purpose: Exclude<TokenPurpose, 'not_me' | 'activation'>): string {
    return this.persisted(em, user, purpose, {});
  }

  /** An activation link of the company whose invitation mails it (see UserToken.companyId). */
  issueActivation(em: EntityManager, user: User, companyId: string | undefined): string {
    return this.persisted(em, user, 'activation', { companyId });
  }

  /** A "this wasn't me" link, which keeps when the change it reports happened. */
  issueNotMe(em: EntityManager, user: User, changedAt: Date): string {
    return this.persisted(em, user, 'not_me', { changedAt });
  }

  /**
   * An activation link's user and company, without spending it.
   * @throws DomainError invalid_token
   */
  async peekActivation(em: EntityManager, token: string): Promise<{ userId: string; companyId: string | null }> {
    const found = await em.findOne(UserToken, { tokenHash: hashOf(token), purpose: 'activation', ...stillUsable() });
    if (!found) throw invalidToken();
    return { userId: found.user.id, companyId: found.companyId };
  }

  /**
   * The user an unspent token points to, without spending it, so that a rejected
   * password leaves the link usable.
   * @throws DomainError invalid_token
   */
  async peekUserId(em: EntityManager, token: string, purpose: TokenPurpose): Promise<string> {
    const found = await em.findOne(UserToken, { tokenHash: hashOf(token), purpose, ...stillUsable() });
    if (!found) throw invalidToken();
    return found.user.id;
  }

  /**
   * A not_me link's user and the time of the change it reports, without spending it.
   * @throws DomainError invalid_token
   */
  async peekNotMe(em: EntityManager, token: string): Promise<{ userId: string; changedAt: Date }> {
    const found = await em.findOne(UserToken, { tokenHash: hashOf(token), purpose: 'not_me', ...stillUsable() });
    if (!found) throw invalidToken();
    return { userId: found.user.id, changedAt: found.changedAt ?? found.createdAt };
  }

  /**
   * Spends the token with one conditional update, so that of concurrent callers
   * exactly one succeeds.
   * @throws DomainError invalid_token
   */
  async spend(em: EntityManager, token: string, purpose: TokenPurpose): Promise<void> {
    const usable = { tokenHash: hashOf(token), purpose, ...stillUsable() };
    const spent = await em.nativeUpdate(UserToken, usable, { usedAt: new Date() });
    if (spent === 0) throw invalidToken();
  }

  async revokeOutstanding(em: EntityManager, userId: string, purposes: TokenPurpose[]): Promise<void> {
    const outstanding = { user: userId, purpose: { $in: purposes }, usedAt: null };
    await em.nativeUpdate(UserToken, outstanding, { usedAt: new Date() });
  }

  private persisted(em: EntityManager, user: User, purpose: TokenPurpose, context: ConstructorParameters<typeof UserToken>[4]): string {
    const token = randomBytes(32).toString('base64url');
    em.persist(new UserToken(ref(user), purpose, hashOf(token), new Date(Date.now() + lifetimeMs[purpose]), context));
    return token;
  }
}

function stillUsable() {
  return { usedAt: null, expiresAt: { $gt: new Date() } };
}
