import { DomainError, ErrorCode } from '@app/common';
import { NextFunction, Request, Response } from 'express';
import { PortalResolver } from './portal-resolver.service';

/** Routes that answer on any host: operations, documentation and the operator. */
const HOST_INDEPENDENT = /^\/(health|metrics|docs|api\/operator)(\/|-json|$)/;

/** Resolves the company from the Host header before anything else looks at the request. */
export function portalMiddleware(resolver: PortalResolver) {
  return (request: Request, _response: Response, next: NextFunction) => {
    if (HOST_INDEPENDENT.test(request.path)) return next();
    resolver
      .resolve(request.hostname ?? '')
      .then((portal) => {
        if (!portal) throw new DomainError(ErrorCode.UnknownPortal, 'No client portal answers at this address.');
        request.portal = portal;
        next();
      })
      .catch(next);
  };
}
