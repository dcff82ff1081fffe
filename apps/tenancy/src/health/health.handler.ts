import { Handles, HealthReply, TenancyPatterns } from '@app/common';
import { Controller, Inject } from '@nestjs/common';
import { TENANCY_CONFIG, TenancyConfig } from '../config';

@Controller()
export class HealthHandler {
  constructor(@Inject(TENANCY_CONFIG) private readonly config: TenancyConfig) {}

  @Handles(TenancyPatterns.health)
  check(): HealthReply {
    return { service: 'tenancy', version: this.config.npm_package_version };
  }
}
