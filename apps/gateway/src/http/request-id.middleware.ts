import { REQUEST_ID_HEADER, requestContext } from '@app/common';
import { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const WELL_FORMED = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * Gives each request an id, answered in X-Request-Id and carried in NATS headers
 * to every service. An id sent by a trusted proxy is kept, so a request can be
 * followed from the load balancer on; otherwise clients cannot choose it.
 */
export function requestIdMiddleware(trustProxy: boolean) {
  return (request: Request, response: Response, next: NextFunction) => {
    const offered = request.headers[REQUEST_ID_HEADER];
    const requestId = trustProxy && typeof offered === 'string' && WELL_FORMED.test(offered) ? offered : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    requestContext.run({ requestId }, next);
  };
}
