import { bootService } from '@app/platform/service';
import { readTenancyConfig } from './config';
import { TENANCY_SCHEMA } from './mikro-orm.config';
import { TenancyModule } from './tenancy.module';

void bootService({
  name: 'tenancy',
  schema: TENANCY_SCHEMA,
  readConfig: readTenancyConfig,
  module: (config) => TenancyModule.forConfig(config),
});
