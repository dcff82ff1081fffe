import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { AuthenticatedSession } from '../session/session';

/**
 * The session the session guard accepted, as a typed parameter. Only on a
 * route behind `@SignedIn()`: elsewhere there is none, and that is a bug.
 */
export const Auth = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedSession => {
  const session = context.switchToHttp().getRequest<FastifyRequest>().auth;
  if (!session) throw new Error('@Auth() needs @SignedIn() on the route.');
  return session;
});
