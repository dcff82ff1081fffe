import { DomainError, ErrorCode } from '@app/contracts';
import { FastifyRequest } from 'fastify';
import { AuthenticatedSession, SignInStage } from '../session/session';
import { SessionStore } from '../session/session.store';
import { sessionTokenFromCookie } from '../session/session-cookie';
import { worksHere } from '../session/session-host';

/** The web session or sign-in in progress of this browser on this host, if any. */
export async function cookieSession(sessions: SessionStore, request: FastifyRequest): Promise<AuthenticatedSession | null> {
  const token = sessionTokenFromCookie(request);
  const session = token ? await sessions.read(token) : null;
  return session?.record.kind === 'web' && worksHere(session, request) ? session : null;
}

/** @throws DomainError no_login_in_progress unless this browser's sign-in waits at `stage`. */
export async function signInAt(sessions: SessionStore, request: FastifyRequest, stage: SignInStage): Promise<AuthenticatedSession> {
  const session = await cookieSession(sessions, request);
  if (session?.record.stage !== stage) {
    throw new DomainError(ErrorCode.NoLoginInProgress, 'No sign-in is waiting for this step.');
  }
  request.auth = session;
  return session;
}
