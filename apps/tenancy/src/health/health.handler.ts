import { databaseState, Handles, HealthReply, TenancyPatterns } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Inject } from '@nestjs/common';
import { TENANCY_CONFIG, TenancyConfig } from '../config';

@Controller()
export class HealthHandler {
  constructor(
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
    private readonly em: EntityManager,
  ) {}

  @Handles(TenancyPatterns.health)
  async check(): Promise<HealthReply> {
    return { service: 'tenancy', version: this.config.npm_package_version, database: await databaseState(this.em) };
  }
}
