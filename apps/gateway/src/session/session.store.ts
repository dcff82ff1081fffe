import { REDIS } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { hash, randomBytes } from 'node:crypto';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { AuthenticatedSession, SessionRecord } from './session';
import { decodeSession, encodeSession, pairsToObject } from './session-codec';
import { cachedViewOf, sessionIdsOf } from './user-record';
import { REVOKE_CREDENTIALS_LUA } from './credential-floor.lua';
import { CREATE_SESSION_LUA, END_SESSIONS_LUA, READ_SESSION_LUA, UPDATE_SESSION_LUA } from './user-record.lua';

type SessionRedis = Redis & {
  readSession(key: string, now: number, recordPrefix: string): Promise<[string[], string] | null>;
  createSession(
    key: string,
    recordKey: string,
    floorKey: string,
    now: number,
    ttlMs: number,
    endsAt: number,
    id: string,
    credentialVersion: number,
    ...fields: string[]
  ): Promise<number>;
  endSessions(keyCount: number, ...keysThenArguments: (string | number)[]): Promise<number>;
  updateSession(key: string, ...fieldsAndValues: string[]): Promise<number>;
  revokeCredentials(recordKey: string, floorKey: string, now: number, credentialVersion: number, keptMs: number, sessionPrefix: string, sparedId: string): Promise<number>;
};

/** How long a user's credential floor is kept: longer than any sign-in takes from its password check to its session. */
const FLOOR_KEPT_MS = 10 * 60_000;

export const sessionKey = (id: string) => `sess:${id}`;
export const userRecordKey = (userId: string) => `user:${userId}`;
const credentialFloorKey = (userId: string) => `floor:${userId}`;

/**
 * The id of a session is derived from its secret: a Redis dump yields no usable
 * cookie. 132 bits of SHA-256 are as unique as the id needs, and shorter keys
 * keep a session small.
 */
export function sessionIdOf(token: string): string {
  return hash('sha256', token, 'base64url').slice(0, 22);
}

/** Web sessions, sign-ins in progress and mobile access tokens, all in Redis, indexed by user. */
@Injectable()
export class SessionStore {
  private readonly redis: SessionRedis;
  private readonly recordPrefix: string;
  private readonly sessionPrefix: string;

  constructor(@Inject(REDIS) redis: Redis, @Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    redis.defineCommand('readSession', { numberOfKeys: 1, lua: READ_SESSION_LUA });
    redis.defineCommand('createSession', { numberOfKeys: 3, lua: CREATE_SESSION_LUA });
    redis.defineCommand('endSessions', { lua: END_SESSIONS_LUA });
    redis.defineCommand('updateSession', { numberOfKeys: 1, lua: UPDATE_SESSION_LUA });
    redis.defineCommand('revokeCredentials', { numberOfKeys: 2, lua: REVOKE_CREDENTIALS_LUA });
    this.redis = redis as SessionRedis;
    this.recordPrefix = `${config.REDIS_KEY_PREFIX}${userRecordKey('')}`;
    this.sessionPrefix = `${config.REDIS_KEY_PREFIX}${sessionKey('')}`;
  }

  /**
   * @returns the secret token to hand to the client, and the session's public
   * id; null when the user's credentials changed since `record.credentialVersion`.
   */
  async create(record: SessionRecord): Promise<{ token: string; id: string } | null> {
    const token = randomBytes(32).toString('base64url');
    const id = sessionIdOf(token);
    const lifetime = record.absoluteExpiresAt - record.createdAt;
    const ttl = record.idleMs > 0 ? Math.min(record.idleMs, lifetime) : lifetime;
    // Empty fields read back as their defaults: leaving them out keeps the session small.
    const fields = Object.entries(encodeSession(record)).filter(([, value]) => value !== '');
    const { userId, absoluteExpiresAt, credentialVersion } = record;
    const [key, recordKey, floorKey] = [sessionKey(id), userRecordKey(userId), credentialFloorKey(userId)];
    const created = await this.redis.createSession(key, recordKey, floorKey, Date.now(), ttl, absoluteExpiresAt, id, credentialVersion, ...fields.flat());
    return created === 1 ? { token, id } : null;
  }

  async read(token: string): Promise<AuthenticatedSession | null> {
    const id = sessionIdOf(token);
    const now = Date.now();
    const found = await this.redis.readSession(sessionKey(id), now, this.recordPrefix);
    if (!found) return null;
    const [fields, userRecord] = found;
    const record = decodeSession(pairsToObject(fields));
    return { id, record, cachedView: cachedViewOf(userRecord, now, record.userId) };
  }

  /** @returns false when the session no longer exists. */
  async update(id: string, changes: Partial<SessionRecord>): Promise<boolean> {
    const flat = Object.entries(encodeSession(changes)).flat();
    return (await this.redis.updateSession(sessionKey(id), ...flat)) === 1;
  }

  async delete(id: string, userId: string): Promise<void> {
    await this.end(userId, [id]);
  }

  async listOfUser(userId: string): Promise<{ id: string; record: SessionRecord }[]> {
    const ids = sessionIdsOf((await this.redis.get(userRecordKey(userId))) ?? '');
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    ids.forEach((id) => pipeline.hgetall(sessionKey(id)));
    const replies = (await pipeline.exec()) ?? [];
    const sessions = ids.map((id, index) => ({ id, fields: replies[index]?.[1] as Record<string, string> | undefined }));
    const gone = sessions.filter((session) => !session.fields || Object.keys(session.fields).length === 0);
    if (gone.length > 0) await this.end(userId, gone.map((session) => session.id));
    return sessions
      .filter((session) => !gone.includes(session))
      .map((session) => ({ id: session.id, record: decodeSession(session.fields!) }));
  }

  /** Ends the access tokens issued to one mobile device. */
  async deleteOfDevice(userId: string, deviceId: string): Promise<void> {
    const sessions = await this.listOfUser(userId);
    await this.end(userId, sessions.filter((session) => session.record.deviceId === deviceId).map((session) => session.id));
  }

  /**
   * Ends every session signed in under a credential version below
   * `credentialVersion`, now and for any sign-in still on its way, but
   * `sparedId`: the session that changed the password.
   */
  async revokeCredentials(userId: string, credentialVersion: number, sparedId = ''): Promise<void> {
    const keys = [userRecordKey(userId), credentialFloorKey(userId)] as const;
    await this.redis.revokeCredentials(...keys, Date.now(), credentialVersion, FLOOR_KEPT_MS, this.sessionPrefix, sparedId);
  }

  private async end(userId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.redis.endSessions(1 + ids.length, userRecordKey(userId), ...ids.map(sessionKey), Date.now(), ...ids);
  }
}
