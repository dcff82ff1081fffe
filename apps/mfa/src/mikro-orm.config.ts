import { serviceOrmConfig } from '@app/platform/service';
import { Migration20261125000000 } from './migrations/Migration20261125000000';
import { Migration20261126000000 } from './migrations/Migration20261126000000';
import { Migration20261201210000 } from './migrations/Migration20261201210000';
import { Migration20261203070000 } from './migrations/Migration20261203070000';
import { RecoveryCode } from './recovery-codes/recovery-code.entity';
import { TotpFactor } from './totp/totp-factor.entity';

export const MFA_SCHEMA = 'mfa';

export function mfaOrmConfig(databaseUrl: string) {
  return serviceOrmConfig(
    {
      schema: MFA_SCHEMA,
      entities: [TotpFactor, RecoveryCode],
      migrations: [
        Migration20261125000000,
        Migration20261126000000,
        Migration20261201210000,
        Migration20261203070000,
      ],
    },
    databaseUrl,
  );
}
