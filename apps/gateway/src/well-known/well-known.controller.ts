import { DomainError, ErrorCode } from '@app/contracts';
import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Answers } from '../http/answers.decorator';
import { APP_ASSOCIATIONS, AppAssociations } from './app-associations';
import { AppleAppSiteAssociation, AssetLinkStatement } from './well-known.contract';

const NOT_SERVED = 'not_found: not the easy access host, or this platform\'s app is not configured';

/**
 * The associated-domain files that let the mobile app use the easy access
 * host's passkeys (the RP ID of the app's ceremonies), so that a passkey made
 * on the web there also signs in to the app, and the reverse. Company hosts
 * serve none: the app never makes passkeys for them.
 */
@ApiTags('well-known')
@Controller('.well-known')
export class WellKnownController {
  constructor(@Inject(APP_ASSOCIATIONS) private readonly associations: AppAssociations) {}

  @Get('apple-app-site-association')
  @ApiOperation({ summary: 'For iOS associated domains (webcredentials): the app ids of MOBILE_APPLE_APP_IDS. On the easy access host only.' })
  @Answers(200, AppleAppSiteAssociation, 'The file, as application/json')
  @ApiResponse({ status: 404, description: NOT_SERVED })
  apple(@Req() request: FastifyRequest): AppleAppSiteAssociation {
    return this.servedOn(request, this.associations.apple);
  }

  @Get('assetlinks.json')
  @ApiOperation({
    summary: 'For Android Digital Asset Links (get_login_creds, handle_all_urls): MOBILE_ANDROID_PACKAGE and MOBILE_ANDROID_CERT_SHA256. On the easy access host only.',
  })
  @Answers(200, z.array(AssetLinkStatement), 'One statement naming the Android app')
  @ApiResponse({ status: 404, description: NOT_SERVED })
  android(@Req() request: FastifyRequest): AssetLinkStatement[] {
    return this.servedOn(request, this.associations.android);
  }

  private servedOn<T>(request: FastifyRequest, file: T | null): T {
    if (request.portal?.kind !== 'easy_access' || file === null) throw new DomainError(ErrorCode.NotFound, 'Nothing here.');
    return file;
  }
}
