import { BOUNDED_POSTGRES_WAITS } from '@app/platform/service';
import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Migration20261125000000 } from './migrations/Migration20261125000000';
import { Migration20261126000000 } from './migrations/Migration20261126000000';
import { Migration20261201210000 } from './migrations/Migration20261201210000';
import { Migration20261203070000 } from './migrations/Migration20261203070000';
import { RecoveryCode } from './recovery-codes/recovery-code.entity';
import { TotpFactor } from './totp/totp-factor.entity';

export const MFA_SCHEMA = 'mfa';

export function mfaOrmConfig(databaseUrl: string) {
  return defineConfig({
    clientUrl: databaseUrl,
    schema: MFA_SCHEMA,
    entities: [TotpFactor, RecoveryCode],
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      silent: true,
      migrationsList: [
        { name: 'Migration20261125000000', class: Migration20261125000000 },
        { name: 'Migration20261126000000', class: Migration20261126000000 },
        { name: 'Migration20261201210000', class: Migration20261201210000 },
        { name: 'Migration20261203070000', class: Migration20261203070000 },
      ],
    },
    ...BOUNDED_POSTGRES_WAITS,
  });
}
