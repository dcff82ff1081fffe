import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Auth } from '../http/auth.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { MeService } from '../member-view/me.service';
import { AuthenticatedSession } from '../session/session';
import { SECOND_FACTOR_NEEDED, SignedIn, UNAUTHENTICATED } from '../session/session.guard';
import { SessionStore } from '../session/session.store';
import { SessionSightings } from '../session/session-sightings';
import { listedHere } from '../session/session-host';
import { webSessionSummary } from '../sessions/session-summary';
import { Answers } from '../http/answers.decorator';
import { PasswordCheck } from '../sign-in/password/password-check';
import { PasswordChanged, PasswordChangeBody } from './me.contract';

@ApiTags('me')
@ApiResponse({ status: 401, description: UNAUTHENTICATED })
@Controller('api/me/password')
export class PasswordChangeController {
  constructor(
    private readonly meService: MeService,
    private readonly sessions: SessionStore,
    private readonly sightings: SessionSightings,
    private readonly rpc: RpcClient,
    private readonly passwords: PasswordCheck,
  ) {}

  @Post()
  // 200 with the sessions kept; the default answer sets its 204 itself.
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({
    summary:
      'Change password (the current one is the proof). By default every other session and device of the user ends (204). ' +
      'With `endOtherSessions: false` the other signed-in web sessions this host lists stay (on a company\'s host, those of its host names; ' +
      'the others end), and the answer lists them (200) so that the user ' +
      'chooses which to end (DELETE /api/me/sessions/:id); mobile devices sign in again either way. ' +
      'Trusted browsers are forgotten, and a security alert is mailed, either way',
  })
  @ApiResponse({ status: 204, description: 'Changed; the other sessions and devices ended' })
  @Answers(200, PasswordChanged, 'Changed, with `endOtherSessions: false`')
  @ApiResponse({ status: 401, description: 'invalid_credentials: the current password is wrong' })
  @ApiResponse({ status: 403, description: SECOND_FACTOR_NEEDED })
  @ApiResponse({ status: 422, description: 'weak_password' })
  @ApiResponse({ status: 429, description: 'rate_limited: the sign-in limits count these password checks too' })
  async change(
    @JsonBody(PasswordChangeBody) { endOtherSessions, ...passwords }: z.output<typeof PasswordChangeBody>,
    @Auth() session: AuthenticatedSession,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PasswordChanged | void> {
    const { id, record } = session;
    const { user } = await this.meService.portalViewOf(session);
    const keepWebSessions = !endOtherSessions;
    const { credentialVersion } = await this.passwords.inSession(session, request.ip, user.email, () =>
      this.rpc.request(IdentityPatterns.changePassword, { userId: record.userId, ...passwords, sparedSessionId: id, keepWebSessions }),
    );
    await this.sessions.revokeCredentials(record.userId, credentialVersion, id, keepWebSessions);
    // The current password was proved: ending a kept session next needs no other proof.
    await this.sessions.update(id, { provedAt: Date.now() });
    if (endOtherSessions) {
      void reply.status(204);
      return;
    }
    // She keeps the sessions she is shown; on a firm's host, those it may not list (another host's) end, as by default.
    await this.sessions.deleteWhere(record.userId, (other) => other.record.kind === 'web' && !listedHere(other.record, request));
    const others = (await this.sessions.listOfUser(record.userId)).filter((other) => other.id !== id && listedHere(other.record, request));
    const sighted = await this.sightings.readMany(others.map((other) => other.id));
    return { otherSessions: others.map((other) => webSessionSummary(other.id, other.record, sighted.get(other.id), id)) };
  }
}
