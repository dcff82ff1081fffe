import { Controller, Get, HttpCode, Post, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Answers } from '../../http/answers.decorator';
import { JsonBody } from '../../http/json-body.decorator';
import { GoogleAdmission } from './google-admission.service';
import { JoinAnswerBody, JoinAnswered, JoinQuestion } from './google-join.contract';
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
    private readonly admission: GoogleAdmission,
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
    description:
      'To `/api/auth/handoff?token=…` on the host where the sign-in began. Begun on a company’s host by a person who has not answered its invitation ' +
      '(new, or with an account of other firms), to `/join-portal?offer=…` on the easy access host first, alike for both: see `/api/auth/google/join`; ' +
      'begun on the easy access host by a newcomer some company invited, there too, about the first such company. ' +
      `On an error, to \`/?error=<code>\` on the starting host, code one of: ${ERROR_LIST}. Nothing is linked on an error, nor for someone who is no member of that company.`,
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

  @Get('google/join')
  @ApiOperation({
    summary:
      'The question asked on the easy access host after Google, to a person the starting company invited who has not answered: join its portal? ' +
      'Asked alike of a newcomer and of a client of other firms, so that the firm’s host cannot tell them apart. Begun on the easy access host, ' +
      'asked of a newcomer about the first company that invited her. Leaves the offer unanswered.',
  })
  @ApiQuery({ name: 'offer', type: String, description: 'From `/join-portal?offer=…`; valid 10 minutes, in the browser Google’s callback answered alone' })
  @Answers(200, JoinQuestion, 'The portal asking, and the email')
  @ApiResponse({ status: 400, description: 'invalid_token: unknown, answered, expired, or asked in another browser' })
  @ApiResponse({ status: 404, description: 'not_found: Google sign-in is not set up, or this is not the easy access host' })
  question(@Req() request: FastifyRequest, @Query('offer') offer?: unknown): Promise<z.output<typeof JoinQuestion>> {
    return this.admission.question(request, offer);
  }

  @Post('google/join')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Answers the question, once. `join: true` accepts the invitation (a newcomer’s account is activated and linked to Google; the other ' +
      'companies that invited her then mail acceptance links) and hands over to the host where the sign-in began, where it goes on as after ' +
      'any Google sign-in (a code, if the person has one). `join: false` writes nothing and sends back there with `?error=invitation_declined`; ' +
      'begun on the easy access host, it asks about the next company whose invitation waits, if any (`/join-portal?offer=…`).',
  })
  @Answers(200, JoinAnswered, 'Where to send the browser')
  @ApiResponse({ status: 400, description: 'validation_failed: no `offer` or no boolean `join`; invalid_token: unknown, answered, expired, or asked in another browser' })
  @ApiResponse({ status: 404, description: 'not_found: Google sign-in is not set up, or this is not the easy access host' })
  async answer(
    @JsonBody(JoinAnswerBody) body: z.output<typeof JoinAnswerBody>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<z.output<typeof JoinAnswered>> {
    return { location: await this.admission.answer(request, reply, body.offer, body.join) };
  }
}
