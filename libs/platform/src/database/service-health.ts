import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Inject, Type } from '@nestjs/common';
import type { ZodType } from 'zod';
import { HealthReply, RequestContract } from '@app/contracts';
import { Handles } from '../transport/handles.decorator';
import { databaseState } from './database-health';

/**
 * The health handler every service answers the gateway's /health with: its
 * name, its version and whether its database answers in time.
 * @param configToken where the service provides its validated configuration
 */
export function serviceHealthHandler(
  service: string,
  contract: RequestContract<ZodType, HealthReply>,
  configToken: symbol,
): Type<unknown> {
  @Controller()
  class HealthHandler {
    constructor(
      @Inject(configToken) private readonly config: { npm_package_version: string },
      private readonly em: EntityManager,
    ) {}

    @Handles(contract)
    async check(): Promise<HealthReply> {
      return { service, version: this.config.npm_package_version, database: await databaseState(this.em) };
    }
  }
  return HealthHandler;
}
