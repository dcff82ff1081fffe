import { REDIS, RedisClient, runScript } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Bowser from 'bowser';
import { rememberAtMost } from '../bounded-map';
import { RedisKeys } from './redis-keys';
import { NOTE_SIGHTING } from './redis-scripts';
import { partsOfSessionId } from './session-token';

/** What a person recognises a web session by: the browser and system, and the address it was last used from. */
export interface SessionSighting {
  /** "Chrome · Linux": parsed once, so the raw User-Agent (often 200+ bytes) is never stored. */
  device: string | null;
  address: string | null;
}

/** Caps keep the two fields well inside a session's byte budget whatever a client sends. */
const MAX_DEVICE = 48;
const MAX_ADDRESS = 45;
/** Past this, a User-Agent says nothing more of the browser and system. */
const MAX_USER_AGENT = 512;

/** Bounded so that a flood of sessions cannot grow the gateway's memory. */
const REMEMBERED = 10_000;

/** The session's hash, under its user's hash tag; null for an id of another shape. */
function sessionKeyOf(sessionId: string): string | null {
  const parts = partsOfSessionId(sessionId);
  return parts && RedisKeys.session(parts.userId, parts.entry);
}

/**
 * Bowser names a browser it does not know by the User-Agent's own words,
 * which the client chooses: the label goes into the "new sign-in" alert,
 * above its "this wasn't me" link, so only names Bowser knows are kept.
 */
const KNOWN_NAMES = new Set([...Object.values(Bowser.BROWSER_MAP), ...Object.values(Bowser.OS_MAP)]);

export function deviceLabelOf(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const parsed = Bowser.parse(userAgent.slice(0, MAX_USER_AGENT));
  const label = [parsed.browser.name, parsed.os.name].filter((name) => name !== undefined && KNOWN_NAMES.has(name)).join(' · ');
  return label ? label.slice(0, MAX_DEVICE) : null;
}

/**
 * Two short fields, `ua` and `ip`, added to a web session's hash beside the
 * session store's own (see session-codec.ts, which ignores them), noted by
 * the session guard at every signed-in web request. They are written only when
 * they change, as seen by this process; an unchanged User-Agent and address
 * cost one map lookup, no parsing.
 */
@Injectable()
export class SessionSightings {
  private readonly lastWritten = new Map<string, string>();

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async record(sessionId: string, userAgent: string | undefined, address: string): Promise<void> {
    // What the label is made of, bounded as the label is: a client's 16 KiB User-Agent must not sit in this map.
    const seen = `${address.slice(0, MAX_ADDRESS)}|${(userAgent ?? '').slice(0, MAX_USER_AGENT)}`;
    if (this.lastWritten.get(sessionId) === seen) return;
    const key = sessionKeyOf(sessionId);
    if (!key) return;
    const device = deviceLabelOf(userAgent) ?? '';
    // By its digest: the script's text goes to a server only once.
    await runScript(this.redis, NOTE_SIGHTING, { keys: { session: key }, args: { device, address: address.slice(0, MAX_ADDRESS) } });
    rememberAtMost(this.lastWritten, sessionId, seen, REMEMBERED);
  }

  async readMany(sessionIds: string[]): Promise<Map<string, SessionSighting>> {
    if (sessionIds.length === 0) return new Map();
    // One HMGET each, all keys of one user (one Cluster slot), sent together by auto-pipelining.
    const replies = await Promise.all(
      sessionIds.map((id) => {
        const key = sessionKeyOf(id);
        return key ? this.redis.hmget(key, 'ua', 'ip') : Promise.resolve([null, null]);
      }),
    );
    return new Map(
      sessionIds.map((id, index) => {
        const [device, address] = replies[index] ?? [null, null];
        return [id, { device: device || null, address: address || null }];
      }),
    );
  }
}
