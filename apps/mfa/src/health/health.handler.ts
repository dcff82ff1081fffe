import { Handles, HealthReply, MfaPatterns } from '@app/common';
import { Controller, Inject } from '@nestjs/common';
import { MFA_CONFIG, MfaConfig } from '../config';

@Controller()
export class HealthHandler {
  constructor(@Inject(MFA_CONFIG) private readonly config: MfaConfig) {}

  @Handles(MfaPatterns.health)
  check(): HealthReply {
    return { service: 'mfa', version: this.config.npm_package_version };
  }
}
