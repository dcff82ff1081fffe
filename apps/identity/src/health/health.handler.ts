import { databaseState, Handles, HealthReply, IdentityPatterns } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Inject } from '@nestjs/common';
import { IDENTITY_CONFIG, IdentityConfig } from '../config';

@Controller()
export class HealthHandler {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly em: EntityManager,
  ) {}

  @Handles(IdentityPatterns.health)
  async check(): Promise<HealthReply> {
    return { service: 'identity', version: this.config.npm_package_version, database: await databaseState(this.em) };
  }
}
