import { DomainError, ErrorCode } from '@app/contracts';

export type Dependency = 'postgres' | 'redis' | 'nats' | 'network';

/** A dependency out of reach: the request was fine, it may well succeed in a moment. */
export interface Outage {
  dependency: Dependency;
  reason: string;
}

/** Socket errors, whichever client met them. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server going away or not taking connections yet: class 08
 * (connection exception), 57P01-57P03 (shutdown, crash, starting up) and
 * 53300 (too many connections).
 */
/** Also 57014: a statement cancelled by the services' statement_timeout, a database too slow to answer in time. */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[123]|57014|53300)$/;

/** pg, knex and MikroORM say "the connection went away" in words only. */
const POSTGRES_MESSAGES = ['Connection terminated', 'not queryable', 'Timeout acquiring a connection', 'Query read timeout', 'timeout expired'];

/** ioredis: retries exhausted, offline with no queue, connection closed, or no reply in `commandTimeout`. */
const REDIS_ERROR_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError']);
/** …and of a Cluster: no node reachable, or none ready yet. */
const REDIS_MESSAGES = ['Connection is closed.', 'Command timed out', "Stream isn't writeable", 'Failed to refresh slots cache', 'Cluster isn\'t ready'];
/**
 * Replies of a Redis that is restarting, of a replica that lost its primary,
 * and of a Cluster failing over: slots that moved under a pipeline the client
 * had already sent (MOVED, ASK), and a replica just promoted that has not yet
 * cached a script (NOSCRIPT, which ioredis mends on that connection's next
 * call). The client catches up within a moment: a retry succeeds.
 */
const REDIS_REPLIES = /^(LOADING|MASTERDOWN|READONLY|CLUSTERDOWN|TRYAGAIN|MOVED|ASK|NOSCRIPT)\b/;

const NATS_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_DRAINING', 'CONNECTION_REFUSED', 'DISCONNECT', 'TIMEOUT', '503']);

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  previousErrors?: unknown;
}

/**
 * Tells an infrastructure outage (Postgres, Redis or NATS unreachable) from a
 * bug, so that callers answer 503 `unavailable` instead of 500 `internal`.
 * Follows `cause`, the `errors` of an AggregateError (a refused dual-stack
 * connect) and the `previousErrors` of a Redis transaction cut short.
 */
export function outageOf(error: unknown, depth = 0): Outage | null {
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  const fields = error as ErrorFields;
  const name = String(fields.name ?? '');
  const message = String(fields.message ?? '');
  const code = String(fields.code ?? '');
  const outage = (dependency: Dependency) => ({ dependency, reason: code || message.split('\n')[0] });

  if (name === 'NatsError') return NATS_CODES.has(code) ? outage('nats') : null;
  if (REDIS_ERROR_NAMES.has(name) || REDIS_MESSAGES.some((text) => message.startsWith(text))) return outage('redis');
  if (name === 'ReplyError' && REDIS_REPLIES.test(message)) return outage('redis');
  if (name === 'ConnectionException' || POSTGRES_UNAVAILABLE.test(code)) return outage('postgres');
  if (POSTGRES_MESSAGES.some((text) => message.includes(text))) return outage('postgres');
  if (NETWORK_CODES.has(code)) return outage(name.endsWith('Exception') ? 'postgres' : 'network');

  const nested = [fields.cause, ...asArray(fields.errors), ...asArray(fields.previousErrors)];
  for (const inner of nested) {
    const found = outageOf(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The error a caller gets while a dependency is out: the gateway answers it 503 with Retry-After. */
export function unavailableBecause(outage: Outage): DomainError {
  return new DomainError(ErrorCode.Unavailable, 'The service is briefly unavailable. Try again in a moment.', {
    reason: `${outage.dependency}: ${outage.reason}`,
  });
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
