import { REQUEST_ID_HEADER } from '@app/platform';
import { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

const WELL_FORMED = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * Gives each request an id, answered in X-Request-Id and carried in NATS headers
 * to every service. An id sent by a trusted proxy is kept, so a request can be
 * followed from the load balancer on; otherwise clients cannot choose it.
 */
export function requestIdOf(trustsPeer: (request: IncomingMessage) => boolean): (request: IncomingMessage) => string {
  return (request) => {
    const offered = request.headers[REQUEST_ID_HEADER];
    return typeof offered === 'string' && WELL_FORMED.test(offered) && trustsPeer(request) ? offered : randomUUID();
  };
}
