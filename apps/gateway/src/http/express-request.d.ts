import { HostPortal } from '../portal/host-portal';
import { AuthenticatedSession } from '../session/session';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the portal middleware on every route that depends on the host. */
    portal?: HostPortal;
    /** Set by the session guard. */
    auth?: AuthenticatedSession;
  }
}
