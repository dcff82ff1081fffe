import { DomainError, ErrorCode, Id, SecondFactorHelpPatterns, TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Answers } from '../http/answers.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { requestLanguage } from '../http/request-language';
import { PortalViewCache } from '../member-view/portal-view.cache';
import { ProofRequired, REAUTHENTICATION_REQUIRED } from '../session/session.guard';
import { SessionStore } from '../session/session.store';
import { AuditEntry, ClientInvitationBody, DisableBody, HelpRequest, InvitedClient } from './admin.contract';
import { AdminChange, AdminOnly } from './admin.guard';
import { digestOf } from '../digest';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { memberId } from './member-id.pipe';
import { AuthenticatedSession } from '../session/session';
import { Auth } from '../http/auth.decorator';

/**
 * Each invitation mails the address from the platform's own sender: a firm
 * may not make it mail one address over and over, nor anyone at all at will.
 */
const INVITATIONS_PER_ADDRESS_PER_DAY = 3;
const INVITATIONS_PER_COMPANY_PER_HOUR = 200;

@ApiTags('admin')
@Controller('api/admin')
export class AdminController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: PortalViewCache,
    private readonly sessions: SessionStore,
    private readonly limiter: RateLimiter,
  ) {}

  @Post('clients')
  @Idempotent('admin')
  @AdminChange()
  @ApiOperation({
    summary:
      'Invite a client by mail, with access to some accounts. A new email gets the activation link (activating is joining); ' +
      'an email that already has an account gets a link to accept, and is only invited until then: nothing of the company reaches ' +
      'them. The answer, and the list of clients, are the same either way (it would tell that the email already had an account, ' +
      'likely with another firm), and never carry a link. ' +
      'A new user is written to in the admin’s language (Accept-Language), which becomes theirs',
  })
  @Answers(201, InvitedClient, 'The user id, whether they are a new user, an invited one, or already a member')
  @ApiResponse({ status: 400, description: 'validation_failed: a bad email or name, or an account of another company' })
  @ApiResponse({
    status: 429,
    description:
      `rate_limited, with Retry-After: ${INVITATIONS_PER_ADDRESS_PER_DAY} invitations of one address a day, ` +
      `${INVITATIONS_PER_COMPANY_PER_HOUR} an hour per company (each mails the address)`,
  })
  async inviteClient(
    @JsonBody(ClientInvitationBody) body: z.output<typeof ClientInvitationBody>,
    @Req() request: FastifyRequest,
    @Auth() { record }: AuthenticatedSession,
  ): Promise<InvitedClient> {
    const companyId = record.companyId!;
    await this.limiter.hit({ key: `invite:${companyId}`, max: INVITATIONS_PER_COMPANY_PER_HOUR, windowSeconds: 3600 });
    // The address by its digest: a Redis dump names no one.
    const perAddress = { key: `invite:${companyId}:${digestOf(body.email)}`, max: INVITATIONS_PER_ADDRESS_PER_DAY, windowSeconds: 86_400 };
    await this.limiter.hit(perAddress);
    const invitation = { ...body, companyId, role: 'client' as const, language: requestLanguage(request), actorUserId: record.userId };
    const { userId } = await this.rpc.request(TenancyPatterns.addMember, invitation).catch(async (error: unknown) => {
      // Only a mailed invitation counts against the address: a refusal (it named another company's account) mailed nothing, a
      // failure may come after tenancy wrote its mail. The refusal is the answer, whether or not its hit could be given back.
      if (error instanceof DomainError && error.code === ErrorCode.ValidationFailed) await this.limiter.giveBack(perAddress).catch(() => undefined);
      throw error;
    });
    await this.cache.invalidate(userId);
    return { userId };
  }

  @Delete('clients/:userId/invitation')
  @HttpCode(204)
  @AdminChange()
  @ApiOperation({
    summary:
      'Withdraw the invitation of a person who has not answered it (a mistyped address, a client who left): its acceptance link, ' +
      'joining after Google and a new user\'s activation through it then join nothing, and the person leaves the list of clients. ' +
      'An invitation has no deadline through Google or an activation: this is how a company ends one',
  })
  @ApiResponse({ status: 204, description: 'Withdrawn' })
  @ApiResponse({ status: 404, description: 'not_found: the user is neither a member of this company nor invited to it (or no longer: withdrawn already)' })
  @ApiResponse({ status: 409, description: 'conflict: the person answered, and is a member of this company' })
  @ApiResponse({ status: 403, description: `forbidden: not an admin of this portal, or the person is invited as an admin (the operator names them); ${REAUTHENTICATION_REQUIRED}` })
  async withdrawInvitation(@Param('userId', memberId) userId: string, @Auth() { record }: AuthenticatedSession): Promise<void> {
    const { standing } = await this.rpc.request(TenancyPatterns.withdrawInvitation, { companyId: record.companyId!, userId, actorUserId: record.userId });
    if (standing === 'admin') throw new DomainError(ErrorCode.Forbidden, "A portal's admins are named by the platform's operator.");
    if (standing === 'member') throw new DomainError(ErrorCode.Conflict, 'This person answered the invitation and is a member.');
    if (standing === 'none') throw new DomainError(ErrorCode.NotFound, 'No such member.');
    // As after an invitation (inviteClient): her next page reads what tenancy now holds.
    await this.cache.invalidate(userId);
  }

  @Delete('clients/:userId')
  @HttpCode(204)
  @AdminChange()
  @ApiOperation({
    summary:
      'Remove a client who left the firm: her accounts, her place in the list of clients and her open "no access to the app" request ' +
      'go, audited; her sessions in this portal, in the browser and in the app, end before this answer (the app unlocks into her ' +
      'other portals; a sign-in of hers in flight at that moment ends at its first portal page). ' +
      'She is not mailed. Her other firms see nothing of it; inviting her again asks for her consent again',
  })
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiResponse({ status: 403, description: 'forbidden: not an admin of this portal, or the person is an admin (the operator names them); ' + REAUTHENTICATION_REQUIRED })
  @ApiResponse({ status: 404, description: 'not_found: the user is neither a member of this company nor invited to it' })
  @ApiResponse({ status: 409, description: 'conflict: the person has not answered her invitation: withdraw it (DELETE /api/admin/clients/{userId}/invitation)' })
  async removeClient(@Param('userId', memberId) userId: string, @Auth() { record }: AuthenticatedSession): Promise<void> {
    const companyId = record.companyId!;
    const { removal } = await this.rpc.request(TenancyPatterns.removeMember, { companyId, userId, actorUserId: record.userId });
    if (removal === 'admin') throw new DomainError(ErrorCode.Forbidden, "A portal's admins are named by the platform's operator.");
    if (removal === 'invited') throw new DomainError(ErrorCode.Conflict, 'This person has not answered the invitation: withdraw it.');
    if (removal === 'none') throw new DomainError(ErrorCode.NotFound, 'No such member.');
    // Not left to her next request (MeService): a session in this portal ends now, whatever route it calls next.
    await this.cache.invalidate(userId);
    await this.sessions.deleteWhere(userId, (session) => session.record.companyId === companyId);
  }

  @Get('mfa-requests')
  @AdminOnly()
  @ApiOperation({
    summary:
      'Open "no access to the app" requests of this company that still stand: made in the last 7 days, and with no new password since ' +
      '(the user, mailed of each request, changes it if it was not them)',
  })
  @Answers(200, z.array(HelpRequest), 'Newest first, at most 500')
  mfaRequests(@Auth() { record }: AuthenticatedSession): Promise<HelpRequest[]> {
    return this.rpc.request(SecondFactorHelpPatterns.listOpenRequests, { companyId: record.companyId! });
  }

  @Post('users/:userId/mfa/disable')
  @Idempotent('admin')
  @HttpCode(204)
  @AdminOnly()
  // How accounts are taken over through a help desk: an admin's session left open, or its cookie stolen, is not enough.
  @ProofRequired()
  @ApiOperation({
    summary:
      'Turn a member’s 2FA off: requests closed, audited (also, without naming this company, in every other company of the user), ' +
      'user mailed with the company’s and the admin’s names, every session and device ended. A sensitive change: the admin’s ' +
      'session must have proved who is there in the last minutes (POST /api/me/reauthenticate)',
  })
  @ApiResponse({ status: 204, description: 'Turned off, and the user’s sessions already ended' })
  @ApiResponse({ status: 404, description: 'not_found: the user is neither a member of this company nor invited to it' })
  @ApiResponse({
    status: 403,
    description:
      'no_open_help_request: the user has no open "no access to the app" request to this company that still stands (confirmed from ' +
      'their mailbox, 7 days, no new password since), whether or not they are also another company\'s client, which the answer must not tell; an invited user, ' +
      'who cannot have asked yet, gets it too; ' +
      `forbidden: not an admin of this portal, or the admin's own 2FA (DELETE /api/me/totp); ${REAUTHENTICATION_REQUIRED}`,
  })
  async disableSecondFactor(
    @Param('userId', memberId) userId: string,
    @JsonBody(DisableBody) body: z.output<typeof DisableBody>,
    @Auth() { record }: AuthenticatedSession,
  ): Promise<void> {
    const { companyId, userId: actorUserId } = record;
    if (userId === actorUserId) {
      // Turning off one's own second factor asks for the password again: DELETE /api/me/totp.
      throw new DomainError(ErrorCode.Forbidden, 'Turn off your own two-factor authentication from your settings.');
    }
    const { credentialVersion } = await this.rpc.request(SecondFactorHelpPatterns.disableSecondFactor, {
      companyId: companyId!,
      actorUserId,
      userId,
      reason: body.reason ?? null,
    });
    // Not left to identity's announcement alone: the sessions are gone by the time the admin sees 204.
    await this.sessions.revokeCredentials(userId, credentialVersion);
  }

  @Get('audit')
  @AdminOnly()
  @ApiOperation({ summary: 'This company’s audit trail, newest first, 200 entries a page, back to its first entry' })
  @ApiQuery({ name: 'before', type: String, required: false, description: 'The id of the last entry of the page read: the page after it' })
  @Answers(200, z.array(AuditEntry), 'The latest 200 entries, or the 200 before `before`, newest first; fewer on the last page, none past it')
  @ApiResponse({ status: 400, description: 'validation_failed: `before` is no entry of this company' })
  audit(@Auth() { record }: AuthenticatedSession, @Query('before') before?: unknown): Promise<AuditEntry[]> {
    const start = Id.optional().safeParse(before);
    if (!start.success) throw new DomainError(ErrorCode.ValidationFailed, 'Invalid before: an entry id.');
    return this.rpc.request(SecondFactorHelpPatterns.listAudit, { companyId: record.companyId!, before: start.data });
  }
}
