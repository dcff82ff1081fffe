import { DomainError, ErrorCode } from '@app/common';
import { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { requestOrigin } from '../portal/portal-url';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request from a browser carries `Origin`; one naming another
 * site is refused. Requests with an Authorization header (mobile, operator)
 * carry no ambient credential and are left alone. Sign-in routes are covered
 * too, so another site cannot sign a browser into an account of its choosing.
 */
export function csrfHook(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const origin = request.headers.origin;
  if (SAFE_METHODS.has(request.method) || origin === undefined || request.headers.authorization) return done();
  if (origin !== requestOrigin(request)) {
    return done(new DomainError(ErrorCode.CsrfRejected, 'This request came from another site and was refused.'));
  }
  done();
}
