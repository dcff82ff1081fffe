import { serviceOrmConfig } from '@app/platform/service';
import { Device } from './devices/device.entity';
import { Migration20261125100000 } from './migrations/Migration20261125100000';
import { Migration20261126100000 } from './migrations/Migration20261126100000';
import { Migration20261201100000 } from './migrations/Migration20261201100000';
import { Migration20261201200000 } from './migrations/Migration20261201200000';
import { Migration20261202140000 } from './migrations/Migration20261202140000';
import { Migration20261203070000 } from './migrations/Migration20261203070000';
import { Migration20261203080000 } from './migrations/Migration20261203080000';
import { Migration20261204000000 } from './migrations/Migration20261204000000';
import { Migration20261205000000 } from './migrations/Migration20261205000000';
import { Migration20261205160000 } from './migrations/Migration20261205160000';
import { Migration20261205190000 } from './migrations/Migration20261205190000';
import { Migration20261206000000 } from './migrations/Migration20261206000000';
import { Migration20261206060000 } from './migrations/Migration20261206060000';
import { Passkey } from './passkeys/passkey.entity';
import { UserToken } from './tokens/user-token.entity';
import { User } from './users/user.entity';

export const IDENTITY_SCHEMA = 'identity';

export function identityOrmConfig(databaseUrl: string) {
  return serviceOrmConfig(
    {
      schema: IDENTITY_SCHEMA,
      entities: [User, UserToken, Device, Passkey],
      migrations: [
        Migration20261125100000,
        Migration20261126100000,
        Migration20261201100000,
        Migration20261201200000,
        Migration20261202140000,
        Migration20261203070000,
        Migration20261203080000,
        Migration20261204000000,
        Migration20261205000000,
        Migration20261205160000,
        Migration20261205190000,
        Migration20261206000000,
        Migration20261206060000,
      ],
    },
    databaseUrl,
  );
}
