import { DomainError, ErrorCode } from '@app/contracts';
import { requestContext } from '@app/platform';
import { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { PortalResolver } from './portal-resolver.service';
import { isWellFormedHost } from './portal-url';

/** Routes that answer on any host: operations and documentation. The operator's answer on the easy access host alone (OperatorGuard). */
const HOST_INDEPENDENT = /^\/(health|metrics|docs)(\/|-json|$|\?)/;

const unknownPortal = () => new DomainError(ErrorCode.UnknownPortal, 'No client portal answers at this address.');

/**
 * Resolves the company from the Host header before anything else looks at the
 * request. A Host that is not a plain name with an optional port is refused
 * on every route: links in mails are built from it.
 */
export function portalHook(resolver: PortalResolver) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (!isWellFormedHost(request.host)) return done(unknownPortal());
    if (HOST_INDEPENDENT.test(request.url)) return done();
    // Every request pays for this hook: the common case, a host seen lately, takes no promise.
    const known = resolver.known(request.hostname);
    if (known) {
      request.portal = known;
      return done();
    }
    requestContext.run({ requestId: request.id }, () =>
      resolver.resolve(request.hostname).then(
        (portal) => {
          if (!portal) return done(unknownPortal());
          request.portal = portal;
          done();
        },
        (error: Error) => done(error),
      ),
    );
  };
}
