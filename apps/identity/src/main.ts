// First: sizes libuv's thread pool before anything starts it.
import './threadpool.config';
import { bootService } from '@app/platform/service';
import { readIdentityConfig } from './config';
import { IdentityModule } from './identity.module';
import { IDENTITY_SCHEMA } from './mikro-orm.config';

void bootService({
  name: 'identity',
  schema: IDENTITY_SCHEMA,
  readConfig: readIdentityConfig,
  module: (config) => IdentityModule.forConfig(config),
});
