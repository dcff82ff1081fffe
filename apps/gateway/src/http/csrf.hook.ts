import { DomainError, ErrorCode } from '@app/contracts';
import { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { requestOrigin } from '../portal/portal-url';
import { sessionTokenFromCookie } from '../session/session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Only a request the cookie cannot authenticate skips the check: a Bearer
 * token (mobile, operator) and no session cookie. Any other Authorization
 * header (Basic, a malformed Bearer) leaves the cookie in charge, and even a
 * well-formed Bearer does not: logout, for one, reads the cookie alone.
 */
function carriesNoAmbientCredential(request: FastifyRequest): boolean {
  return /^Bearer /.test(request.headers.authorization ?? '') && sessionTokenFromCookie(request) === undefined;
}

/**
 * A state-changing request from a browser carries `Origin`; one naming another
 * site is refused. Sign-in routes are covered too, so another site cannot sign
 * a browser into an account of its choosing.
 */
export function csrfHook(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const origin = request.headers.origin;
  if (SAFE_METHODS.has(request.method) || origin === undefined || carriesNoAmbientCredential(request)) return done();
  if (origin !== requestOrigin(request)) {
    return done(new DomainError(ErrorCode.CsrfRejected, 'This request came from another site and was refused.'));
  }
  done();
}
