import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Auth } from '../http/auth.decorator';
import { AuthenticatedSession } from '../session/session';
import { endableHere } from '../session/session-host';
import { RecentProof, UNAUTHENTICATED } from '../session/session.guard';
import { SessionStore } from '../session/session.store';

@ApiTags('me')
@ApiResponse({ status: 401, description: UNAUTHENTICATED })
@Controller('api/me/sessions')
export class OtherSessionsController {
  constructor(private readonly sessions: SessionStore) {}

  /** Only the caller's own list is read, so no other user's session can be named here. */
  @Post('sign-out-others')
  @HttpCode(204)
  @RecentProof()
  @ApiOperation({
    summary: 'Ends the other web sessions of the user; this one and the registered mobile devices stay',
    description:
      "On the easy access host, every other web session of the user. On a company's host, the other web sessions of that company's host names alone, " +
      'those its sessions list shows: the firm serves its hosts, and its host does not end her sessions at her other firms.',
  })
  @ApiResponse({ status: 204, description: 'The other web sessions are ended' })
  async signOutOthers(@Auth() { id: currentId, record }: AuthenticatedSession, @Req() request: FastifyRequest): Promise<void> {
    const others = (await this.sessions.listOfUser(record.userId)).filter(
      (session) => session.id !== currentId && endableHere(session.record, request),
    );
    await Promise.all(others.map((session) => this.sessions.delete(session.id, record.userId)));
  }
}
