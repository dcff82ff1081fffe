import { DomainError, ErrorCode } from '@app/common';
import { Controller, Delete, Get, HttpCode, Param, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { SessionStore } from '../session/session.store';
import { SignedIn } from '../session/session.guard';

export interface SessionSummary {
  id: string;
  kind: 'web' | 'mobile';
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

@ApiTags('me')
@ApiResponse({ status: 401, description: 'unauthenticated' })
@Controller('api/me/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionStore) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Signed-in web sessions and mobile devices of the user' })
  async list(@Req() request: Request): Promise<SessionSummary[]> {
    const { id: currentId, record } = request.auth!;
    const sessions = await this.sessions.listOfUser(record.userId);
    return sessions
      .filter((session) => session.record.stage === 'done')
      .sort((a, b) => b.record.lastSeenAt - a.record.lastSeenAt)
      .map(({ id, record: session }) => ({
        id,
        kind: session.kind,
        createdAt: new Date(session.createdAt).toISOString(),
        lastSeenAt: new Date(session.lastSeenAt).toISOString(),
        current: id === currentId,
      }));
  }

  @Delete(':id')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'End one of the user’s sessions' })
  @ApiResponse({ status: 404, description: 'not_found: no such session of yours' })
  async revoke(@Param('id') id: string, @Req() request: Request): Promise<void> {
    const { userId } = request.auth!.record;
    const sessions = await this.sessions.listOfUser(userId);
    if (!sessions.some((session) => session.id === id)) throw new DomainError(ErrorCode.NotFound, 'No such session.');
    await this.sessions.delete(id, userId);
  }
}
