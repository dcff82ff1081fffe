import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { REDIS } from '../redis.provider';
import { READ_SESSION_LUA, UPDATE_SESSION_LUA } from './read-session.lua';
import { AuthenticatedSession, SessionRecord } from './session';
import { decodeSession, encodeSession, pairsToObject } from './session-codec';

type SessionRedis = Redis & {
  readSession(key: string, now: number, viewPrefix: string): Promise<[string[], (string | null)[]] | null>;
  updateSession(key: string, ...fieldsAndValues: string[]): Promise<number>;
};

export const sessionKey = (id: string) => `sess:${id}`;
export const userSessionsKey = (userId: string) => `user-sess:${userId}`;
export const viewKey = (userId: string) => `view:${userId}`;

/** The id of a session is the SHA-256 of its secret: a Redis dump yields no usable cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Web sessions, sign-ins in progress and mobile access tokens, all in Redis. */
@Injectable()
export class SessionStore {
  private readonly redis: SessionRedis;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    redis.defineCommand('readSession', { numberOfKeys: 1, lua: READ_SESSION_LUA });
    redis.defineCommand('updateSession', { numberOfKeys: 1, lua: UPDATE_SESSION_LUA });
    this.redis = redis as SessionRedis;
  }

  /** @returns the secret token to hand to the client, and the session's public id. */
  async create(record: SessionRecord): Promise<{ token: string; id: string }> {
    const token = randomBytes(32).toString('base64url');
    const id = sessionIdOf(token);
    const ttl = record.idleMs > 0 ? Math.min(record.idleMs, record.absoluteExpiresAt - record.createdAt) : record.absoluteExpiresAt - record.createdAt;
    await this.redis
      .multi()
      .hset(sessionKey(id), encodeSession(record))
      .pexpire(sessionKey(id), ttl)
      .sadd(userSessionsKey(record.userId), id)
      .pexpire(userSessionsKey(record.userId), this.config.SESSION_ABSOLUTE_HOURS * 3_600_000)
      .exec();
    return { token, id };
  }

  async read(token: string): Promise<AuthenticatedSession | null> {
    const id = sessionIdOf(token);
    const found = await this.redis.readSession(sessionKey(id), Date.now(), `${this.config.REDIS_KEY_PREFIX}view:`);
    if (!found) return null;
    const [pairs, [user, companies, member, generation]] = found;
    return { id, record: decodeSession(pairsToObject(pairs)), cachedView: { user, companies, member, generation } };
  }

  /** @returns false when the session no longer exists. */
  async update(id: string, changes: Partial<SessionRecord>): Promise<boolean> {
    const flat = Object.entries(encodeSession(changes)).flat();
    return (await this.redis.updateSession(sessionKey(id), ...flat)) === 1;
  }

  async delete(id: string, userId: string): Promise<void> {
    await this.redis.multi().del(sessionKey(id)).srem(userSessionsKey(userId), id).exec();
  }

  async listOfUser(userId: string): Promise<{ id: string; record: SessionRecord }[]> {
    const ids = await this.redis.smembers(userSessionsKey(userId));
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    ids.forEach((id) => pipeline.hgetall(sessionKey(id)));
    const replies = (await pipeline.exec()) ?? [];
    const sessions = ids.map((id, index) => ({ id, fields: replies[index]?.[1] as Record<string, string> }));
    const gone = sessions.filter((session) => !session.fields || Object.keys(session.fields).length === 0);
    if (gone.length > 0) await this.redis.srem(userSessionsKey(userId), ...gone.map((session) => session.id));
    return sessions
      .filter((session) => !gone.includes(session))
      .map((session) => ({ id: session.id, record: decodeSession(session.fields) }));
  }

  /** Ends the access tokens issued to one mobile device. */
  async deleteOfDevice(userId: string, deviceId: string): Promise<void> {
    const sessions = await this.listOfUser(userId);
    const ids = sessions.filter((session) => session.record.deviceId === deviceId).map((session) => session.id);
    if (ids.length === 0) return;
    await this.redis
      .multi()
      .del(...ids.map(sessionKey))
      .srem(userSessionsKey(userId), ...ids)
      .exec();
  }

  /** Ends every session, access token and sign-in in progress of the user, but `keepId`. */
  async deleteAllOfUser(userId: string, keepId?: string): Promise<void> {
    const ids = (await this.redis.smembers(userSessionsKey(userId))).filter((id) => id !== keepId);
    if (ids.length === 0) return;
    await this.redis
      .multi()
      .del(...ids.map(sessionKey))
      .srem(userSessionsKey(userId), ...ids)
      .exec();
  }
}
