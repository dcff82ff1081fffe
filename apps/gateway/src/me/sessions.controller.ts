import { DevicePatterns, DeviceView, DomainError, ErrorCode, Id, TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Delete, Get, HttpCode, Param, Req } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SessionStore } from '../session/session.store';
import { assertProvedRecently, REAUTHENTICATION_REQUIRED, SignedIn, UNAUTHENTICATED } from '../session/session.guard';
import { AuthenticatedSession } from '../session/session';
import { Auth } from '../http/auth.decorator';
import { SessionSightings } from '../session/session-sightings';
import { listedHere } from '../session/session-host';
import { z } from 'zod';
import { Answers } from '../http/answers.decorator';
import { mobileDeviceSummary, SessionSummary, webSessionSummary } from '../sessions/session-summary';

/** Web sessions live in Redis; a mobile "session" is the registered device, listed by identity. */
@ApiTags('me')
@ApiResponse({ status: 401, description: UNAUTHENTICATED })
@Controller('api/me/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionStore,
    private readonly rpc: RpcClient,
    private readonly sightings: SessionSightings,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary:
      'Signed-in web sessions and registered mobile devices of the user. On a company\'s host, the web sessions of that company\'s host names alone, ' +
      'each of them and their fully qualified form with a trailing dot ' +
      '(the firm serves them: the client\'s sessions on other firms\' hosts would name her other firms), and her devices registered since she joined that company ' +
      '(an older one would tell the firm she had an account before, so another firm); ' +
      'every web session on the easy access host and in the app',
  })
  @Answers(200, z.array(SessionSummary), 'Last seen first')
  async list(@Auth() { id: currentId, record }: AuthenticatedSession, @Req() request: FastifyRequest): Promise<SessionSummary[]> {
    const [sessions, devices] = await Promise.all([
      this.sessions.listOfUser(record.userId),
      this.devicesListedHere(record.userId, request),
    ]);
    const signedIn = sessions.filter((session) => listedHere(session.record, request));
    const sighted = await this.sightings.readMany(signedIn.map((session) => session.id));
    const web = signedIn.map(({ id, record: session }) => webSessionSummary(id, session, sighted.get(id), currentId));
    const mobile = devices.map((device) => mobileDeviceSummary(device, record.deviceId, request.portal?.kind !== 'company'));
    return [...web, ...mobile].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  }

  @Delete(':id')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary:
      'End one web session, or forget one mobile device, of the user. Ending another than the one of this request is a sensitive change ' +
      '(a stolen session would end the user\'s own ones): it needs a recent proof; ending this one is signing out, and does not. ' +
      'On a company\'s host, only a web session of that company\'s host names: the others answer 404 there, as they are not listed; ' +
      'a device answers 403 there (the app serves all her firms), 404 if registered before she joined that company (not listed there).',
  })
  @ApiResponse({ status: 204, description: 'Ended: its next request is refused' })
  @ApiResponse({
    status: 403,
    description: `${REAUTHENTICATION_REQUIRED}; forbidden: a mobile device, on a company's host (endableHere false: the app serves all her firms, so it is forgotten from the easy access host or the app)`,
  })
  @ApiResponse({ status: 404, description: 'not_found: no such session of yours listed on this host' })
  async revoke(@Param('id') id: string, @Auth() { id: currentId, record }: AuthenticatedSession, @Req() request: FastifyRequest): Promise<void> {
    const { userId } = record;
    // A device's id as stored (lowercased): its access tokens are found by it.
    const device = Id.safeParse(id);
    if (device.success) {
      const deviceId = device.data;
      if (deviceId !== record.deviceId) assertProvedRecently(record);
      if (request.portal?.kind === 'company') {
        if (!(await this.devicesListedHere(userId, request)).some((listed) => listed.id === deviceId)) throw new DomainError(ErrorCode.NotFound, 'No such session.');
        // The app serves all her firms: from a firm's host, whose server reads her cookie there, it would sign her out of the others.
        throw new DomainError(ErrorCode.Forbidden, 'Forget a mobile device from the easy access portal or from the app: it serves all your firms.');
      }
      await this.sessions.deleteOfDevice(userId, deviceId);
      await this.rpc.request(DevicePatterns.revoke, { userId, deviceId });
      return;
    }
    if (id !== currentId) assertProvedRecently(record);
    const sessions = await this.sessions.listOfUser(userId);
    if (!sessions.some((session) => session.id === id && listedHere(session.record, request))) {
      throw new DomainError(ErrorCode.NotFound, 'No such session.');
    }
    await this.sessions.delete(id, userId);
  }

  /**
   * Her devices name no firm, but their dates may tell one: a phone registered
   * before she joined this firm tells its host that she had an account
   * before, so another firm. On a company's host, those registered since she
   * became its member; elsewhere, all.
   */
  private async devicesListedHere(userId: string, request: FastifyRequest): Promise<DeviceView[]> {
    const host = request.portal;
    const [devices, since] = await Promise.all([
      this.rpc.request(DevicePatterns.list, { userId }),
      host?.kind === 'company' ? this.rpc.request(TenancyPatterns.memberSince, { userId, companyId: host.company.id }).then(({ since }) => since) : null,
    ]);
    if (host?.kind !== 'company') return devices;
    return since === null ? [] : devices.filter((device) => Date.parse(device.createdAt) >= Date.parse(since));
  }
}
