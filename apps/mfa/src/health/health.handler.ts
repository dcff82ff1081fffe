import { databaseState, Handles, HealthReply, MfaPatterns } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Inject } from '@nestjs/common';
import { MFA_CONFIG, MfaConfig } from '../config';

@Controller()
export class HealthHandler {
  constructor(
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
    private readonly em: EntityManager,
  ) {}

  @Handles(MfaPatterns.health)
  async check(): Promise<HealthReply> {
    return { service: 'mfa', version: this.config.npm_package_version, database: await databaseState(this.em) };
  }
}
