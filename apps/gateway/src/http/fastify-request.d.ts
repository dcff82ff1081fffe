import { HostPortal } from '../portal/host-portal';
import { AuthenticatedSession } from '../session/session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the portal hook on every route that depends on the host. */
    portal?: HostPortal;
    /** Set by the session guard. */
    auth?: AuthenticatedSession;
    /** Set by Passport's local strategy on the sign-in route. */
    user?: unknown;
    /** COOKIE_SECURE, for every request (see http/cookies.ts): the names of the cookies read. */
    secureCookies?: boolean;
  }
}
