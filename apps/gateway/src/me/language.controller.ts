import { IdentityPatterns, Language } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { JsonBody } from '../http/json-body.decorator';
import { SignedIn, UNAUTHENTICATED } from '../session/session.guard';
import { AuthenticatedSession } from '../session/session';
import { Auth } from '../http/auth.decorator';

const LanguageBody = z.object({ language: Language });

/** The language of the mails the user gets; the API's messages follow each request's Accept-Language. */
@ApiTags('me')
@ApiResponse({ status: 401, description: UNAUTHENTICATED })
@Controller('api/me/language')
export class LanguageController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Choose the language of the mails you get: fr or en' })
  @ApiResponse({ status: 204, description: 'stored: the next mails come in this language' })
  @ApiResponse({ status: 400, description: 'validation_failed: the language is neither fr nor en' })
  async setLanguage(@JsonBody(LanguageBody) body: z.output<typeof LanguageBody>, @Auth() { record }: AuthenticatedSession): Promise<void> {
    await this.rpc.request(IdentityPatterns.setLanguage, { userId: record.userId, language: body.language });
  }
}
