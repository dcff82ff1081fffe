import { REDIS } from '@app/platform';
import { bootService } from '@app/platform/service';
import { readMfaConfig } from './config';
import { MfaModule } from './mfa.module';
import { MFA_SCHEMA } from './mikro-orm.config';

void bootService({
  name: 'mfa',
  schema: MFA_SCHEMA,
  readConfig: readMfaConfig,
  module: (config) => MfaModule.forConfig(config),
  redis: (app) => app.get(REDIS),
});
