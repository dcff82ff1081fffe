import { Controller, Get, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { GoogleHandoff } from './google-handoff.service';
import { ERROR_LIST } from './google-redirects';
import { GoogleSignIn } from './google-sign-in.service';

const location = { Location: { description: 'Where the browser goes next', schema: { type: 'string' } } };
const notConfigured = { status: 404, description: 'not_found: Google sign-in is not set up on this server' };

/** Connexion avec Google on the web: three redirects, ending with the session cookie on the starting host. */
@ApiTags('sign-in')
@Controller('api/auth')
export class GoogleController {
  constructor(
    private readonly google: GoogleSignIn,
    private readonly handoff: GoogleHandoff,
  ) {}

  @Get('google')
  @ApiOperation({ summary: 'Starts a Google sign-in, on a company’s host or the easy access host' })
  @ApiQuery({ name: 'from', type: String, required: false, description: 'Set by the gateway itself when a sign-in begun on a company’s host moves to the easy access host' })
  @ApiResponse({
    status: 302,
    headers: location,
    description:
      'From a company’s host: to the easy access host, which binds the sign-in to the browser (HttpOnly cookie) and then redirects to Google with `state` and PKCE (S256). ' +
      '`/?error=google_expired` for a stale `from`.',
  })
  @ApiResponse(notConfigured)
  @ApiResponse({ status: 429, description: 'rate_limited, with Retry-After' })
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('from') from?: unknown): Promise<void> {
    await this.google.start(request, reply, from);
  }

  @Get('google/callback')
  @Redirect()
  @ApiOperation({ summary: 'Google’s redirect URI, on the easy access host' })
  @ApiResponse({
    status: 302,
    headers: location,
    description: `To \`/api/auth/handoff?token=…\` on the host where the sign-in began; or to \`/?error=<code>\` there, code one of: ${ERROR_LIST}. Nothing is linked on an error.`,
  })
  @ApiResponse(notConfigured)
  async callback(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ url: string }> {
    return { url: await this.google.finish(request, reply) };
  }

  @Get('handoff')
  @Redirect()
  @ApiOperation({ summary: 'Ends a Google sign-in on the host where it began: sets the session cookie' })
  @ApiQuery({ name: 'token', type: String, description: 'Single use, expires in 60 s, valid on this host and in this browser only' })
  @ApiResponse({
    status: 302,
    headers: location,
    description: 'To `/`, the sign-in advanced (read `/api/auth/state`); or to `/?error=handoff_expired`, `/?error=no_account` or `/?error=google_state`.',
  })
  @ApiResponse(notConfigured)
  async complete(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('token') token?: unknown): Promise<{ url: string }> {
    return { url: await this.handoff.complete(request, reply, token) };
  }
}
