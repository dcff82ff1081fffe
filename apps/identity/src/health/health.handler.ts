import { Handles, HealthReply, IdentityPatterns } from '@app/common';
import { Controller, Inject } from '@nestjs/common';
import { IDENTITY_CONFIG, IdentityConfig } from '../config';

@Controller()
export class HealthHandler {
  constructor(@Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig) {}

  @Handles(IdentityPatterns.health)
  check(): HealthReply {
    return { service: 'identity', version: this.config.npm_package_version };
  }
}
