import { DynamicModule, Module } from '@nestjs/common';
import { GatewayConfig } from '../config';
import { APP_ASSOCIATIONS, appAssociationsOf } from './app-associations';
import { WellKnownController } from './well-known.controller';

/** The /.well-known files of the easy access host, from configuration. */
@Module({})
export class WellKnownModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: WellKnownModule,
      controllers: [WellKnownController],
      providers: [{ provide: APP_ASSOCIATIONS, useValue: appAssociationsOf(config) }],
    };
  }
}
