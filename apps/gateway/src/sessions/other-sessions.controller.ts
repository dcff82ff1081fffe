import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../http/auth.decorator';
import { AuthenticatedSession } from '../session/session';
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
  @ApiOperation({ summary: 'Ends every other web session of the user; this one and the registered mobile devices stay' })
  @ApiResponse({ status: 204, description: 'The other web sessions are ended' })
  async signOutOthers(@Auth() { id: currentId, record }: AuthenticatedSession): Promise<void> {
    const others = (await this.sessions.listOfUser(record.userId)).filter(
      (session) => session.id !== currentId && session.record.kind === 'web',
    );
    await Promise.all(others.map((session) => this.sessions.delete(session.id, record.userId)));
  }
}
