import { REDIS, RedisClient, runScript } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { CREATE_SESSION, END_SESSIONS, READ_SESSION, REVOKE_CREDENTIALS, UPDATE_SESSION } from './redis-scripts';
import { RedisKeys } from './redis-keys';
import { AuthenticatedSession, SessionRecord } from './session';
import { decodeSession, encodeSession, pairsToObject } from './session-codec';
import { newSessionToken, partsOfSessionId, sessionIdAt, sessionIdOf } from './session-token';
import { cachedViewOf, sessionEntriesOf } from './user-record';

/**
 * How long a user's credential floor, or a forgotten device's mark, is kept:
 * longer than any sign-in or unlock takes from its check in identity to its session.
 */
const FLOOR_KEPT_MS = 10 * 60_000;

/** What CREATE_SESSION's refusals mean. */
const REFUSALS = { 0: 'credentials_changed', 2: 'device_forgotten', 3: 'step_answered' } as const;

/** Web sessions, sign-ins in progress and mobile access tokens, all in Redis, indexed by user. */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * `answered`: the id of the user's sign-in whose step this session answers,
   * ended with its creation, and only if still there.
   * @returns the secret token to hand to the client, and the session's public
   * id; `credentials_changed` when the user's credentials changed since
   * `record.credentialVersion`, `device_forgotten` when the record's device was
   * forgotten (an unlock checked just before), `step_answered` when the step
   * was answered already (another answer ended that sign-in first).
   */
  async create(
    record: SessionRecord,
    answered?: string,
  ): Promise<{ token: string; id: string } | 'credentials_changed' | 'device_forgotten' | 'step_answered'> {
    const { userId, absoluteExpiresAt: endsAt, credentialVersion } = record;
    const token = newSessionToken(userId);
    const id = sessionIdOf(token)!;
    const { entry } = partsOfSessionId(id)!;
    const answeredParts = answered ? partsOfSessionId(answered) : null;
    const answeredEntry = answeredParts?.userId === userId ? answeredParts.entry : '';
    const lifetime = endsAt - record.createdAt;
    const ttlMs = record.idleMs > 0 ? Math.min(record.idleMs, lifetime) : lifetime;
    // Empty fields read back as their defaults: leaving them out keeps the session small.
    const fields = Object.entries(encodeSession(record)).filter(([, value]) => value !== '');
    const created = await runScript(this.redis, CREATE_SESSION, {
      keys: {
        session: RedisKeys.session(userId, entry),
        record: RedisKeys.userRecord(userId),
        floor: RedisKeys.credentialFloor(userId),
        forgotten: RedisKeys.forgottenDevice(userId, record.deviceId ?? ''),
        // Under the user's hash tag, as every key of the script; a key never set when no step is answered.
        answered: RedisKeys.session(userId, answeredEntry),
      },
      args: { now: Date.now(), ttlMs, endsAt, entry, credentialVersion, answeredEntry },
      moreArgs: fields.flat(),
    });
    return created === 1 ? { token, id } : REFUSALS[created];
  }

  /** @returns null for an unknown or ended session, or a token of another shape. */
  async read(token: string): Promise<AuthenticatedSession | null> {
    const id = sessionIdOf(token);
    const parts = id && partsOfSessionId(id);
    if (!id || !parts) return null;
    const now = Date.now();
    const found = await runScript(this.redis, READ_SESSION, {
      keys: { session: RedisKeys.session(parts.userId, parts.entry), record: RedisKeys.userRecord(parts.userId) },
      args: { now },
    });
    if (!found) return null;
    const [fields, userRecord] = found;
    const record = decodeSession(pairsToObject(fields));
    return { id, record, cachedView: cachedViewOf(userRecord, now, record.userId) };
  }

  /** @returns false when the session no longer exists. */
  async update(id: string, changes: Partial<SessionRecord>): Promise<boolean> {
    const parts = partsOfSessionId(id);
    if (!parts) return false;
    const updated = await runScript(this.redis, UPDATE_SESSION, {
      keys: { session: RedisKeys.session(parts.userId, parts.entry) },
      args: { now: Date.now() },
      moreArgs: Object.entries(encodeSession(changes)).flat(),
    });
    return updated === 1;
  }

  async delete(id: string, userId: string): Promise<void> {
    const parts = partsOfSessionId(id);
    if (parts?.userId === userId) await this.end(userId, [parts.entry]);
  }

  async listOfUser(userId: string): Promise<{ id: string; record: SessionRecord }[]> {
    const entries = sessionEntriesOf((await this.redis.get(RedisKeys.userRecord(userId))) ?? '');
    if (entries.length === 0) return [];
    // One slot: the user's hash tag. A Cluster takes the pipeline to one node.
    const pipeline = this.redis.pipeline();
    entries.forEach((entry) => pipeline.hgetall(RedisKeys.session(userId, entry)));
    const replies = (await pipeline.exec()) ?? [];
    const sessions = entries.map((entry, index) => ({ entry, fields: replies[index]?.[1] as Record<string, string> | undefined }));
    const gone = sessions.filter((session) => !session.fields || Object.keys(session.fields).length === 0);
    if (gone.length > 0) await this.end(userId, gone.map((session) => session.entry));
    return sessions
      .filter((session) => !gone.includes(session))
      .map((session) => ({ id: sessionIdAt(userId, session.entry), record: decodeSession(session.fields!) }));
  }

  /** Ends the user's sessions that `ends` picks. */
  async deleteWhere(userId: string, ends: (session: { id: string; record: SessionRecord }) => boolean): Promise<void> {
    const ended = (await this.listOfUser(userId)).filter(ends);
    await this.end(userId, ended.flatMap((session) => partsOfSessionId(session.id)?.entry ?? []));
  }

  /** Ends the sessions a passkey proved the user in, but `sparedId`'s (the one that removed it, if any). */
  async deleteOfPasskey(userId: string, passkeyId: string, sparedId?: string): Promise<void> {
    await this.deleteWhere(userId, (session) => session.record.passkeys.includes(passkeyId) && session.id !== sparedId);
  }

  /**
   * Ends the access tokens issued to one mobile device, and for a while those
   * still on their way: an unlock identity checked before the device was revoked.
   */
  async deleteOfDevice(userId: string, deviceId: string): Promise<void> {
    await this.redis.set(RedisKeys.forgottenDevice(userId, deviceId), '1', 'PX', FLOOR_KEPT_MS);
    await this.deleteWhere(userId, (session) => session.record.deviceId === deviceId);
  }

  /**
   * Ends every session signed in under a credential version below
   * `credentialVersion`, now and for any sign-in still on its way, but
   * `sparedId`: the session that changed the password, and with `spareWeb`
   * every signed-in web session (the user chose to keep them).
   */
  async revokeCredentials(userId: string, credentialVersion: number, sparedId = '', spareWeb = false): Promise<void> {
    const spared = partsOfSessionId(sparedId);
    await runScript(this.redis, REVOKE_CREDENTIALS, {
      keys: { record: RedisKeys.userRecord(userId), floor: RedisKeys.credentialFloor(userId) },
      args: {
        now: Date.now(),
        credentialVersion,
        floorKeptMs: FLOOR_KEPT_MS,
        sessionPrefix: `${this.config.REDIS_KEY_PREFIX}${RedisKeys.session(userId, '')}`,
        sparedEntry: spared?.userId === userId ? spared.entry : '',
        spareWeb: spareWeb ? '1' : '',
      },
    });
  }

  private async end(userId: string, entries: string[]): Promise<void> {
    if (entries.length === 0) return;
    await runScript(this.redis, END_SESSIONS, {
      keys: { record: RedisKeys.userRecord(userId) },
      args: { now: Date.now() },
      moreKeys: entries.map((entry) => RedisKeys.session(userId, entry)),
      moreArgs: entries,
    });
  }
}
