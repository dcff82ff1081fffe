import { DomainError, ErrorCode } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { AuthenticatedSession } from '../session/session';
import { SessionStore } from '../session/session.store';
import { Me } from './me';
import { PortalView } from './portal-view';
import { PortalViewCache } from './portal-view.cache';
import { presentMe } from './me.presenter';

@Injectable()
export class MeService {
  constructor(
    private readonly cache: PortalViewCache,
    private readonly sessions: SessionStore,
  ) {}

  async me(session: AuthenticatedSession, request: FastifyRequest): Promise<Me> {
    return presentMe(session.record, await this.portalViewOf(session), request);
  }

  /**
   * @throws DomainError forbidden while a mobile session has no portal chosen;
   * unauthenticated when the membership is gone: the session is ended rather
   * than shown a portal it lost.
   */
  async portalViewOf(session: AuthenticatedSession): Promise<PortalView> {
    const { userId, companyId } = session.record;
    if (!companyId) throw new DomainError(ErrorCode.Forbidden, 'Choose a portal first (POST /api/me/portal).');
    try {
      return await this.cache.resolve(userId, companyId, session.cachedView);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.NotFound) throw error;
      await this.sessions.delete(session.id, userId);
      throw new DomainError(ErrorCode.Unauthenticated, 'Sign in again: your access to this portal has changed.');
    }
  }
}
