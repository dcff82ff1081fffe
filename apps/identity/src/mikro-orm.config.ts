import { BOUNDED_POSTGRES_WAITS } from '@app/platform/service';
import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Device } from './devices/device.entity';
import { Migration20261125100000 } from './migrations/Migration20261125100000';
import { Migration20261126100000 } from './migrations/Migration20261126100000';
import { Migration20261201100000 } from './migrations/Migration20261201100000';
import { Migration20261201200000 } from './migrations/Migration20261201200000';
import { Migration20261202140000 } from './migrations/Migration20261202140000';
import { Migration20261203070000 } from './migrations/Migration20261203070000';
import { Migration20261203080000 } from './migrations/Migration20261203080000';
import { Passkey } from './passkeys/passkey.entity';
import { UserToken } from './tokens/user-token.entity';
import { User } from './users/user.entity';

export const IDENTITY_SCHEMA = 'identity';

export function identityOrmConfig(databaseUrl: string) {
  return defineConfig({
    clientUrl: databaseUrl,
    schema: IDENTITY_SCHEMA,
    entities: [User, UserToken, Device, Passkey],
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      silent: true,
      migrationsList: [
        { name: 'Migration20261125100000', class: Migration20261125100000 },
        { name: 'Migration20261126100000', class: Migration20261126100000 },
        { name: 'Migration20261201100000', class: Migration20261201100000 },
        { name: 'Migration20261201200000', class: Migration20261201200000 },
        { name: 'Migration20261202140000', class: Migration20261202140000 },
        { name: 'Migration20261203070000', class: Migration20261203070000 },
        { name: 'Migration20261203080000', class: Migration20261203080000 },
      ],
    },
    ...BOUNDED_POSTGRES_WAITS,
  });
}
