import { BOUNDED_POSTGRES_WAITS } from '@app/platform/service';
import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { AccountAccess } from './memberships/account-access.entity';
import { Account } from './accounts/account.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { CompanyHost } from './companies/company-host.entity';
import { Company } from './companies/company.entity';
import { HelpRequest } from './help-requests/help-request.entity';
import { Invitation } from './invitations/invitation.entity';
import { Membership } from './memberships/membership.entity';
import { Migration20261125000000 } from './migrations/Migration20261125000000';
import { Migration20261126000000 } from './migrations/Migration20261126000000';
import { Migration20261201200000 } from './migrations/Migration20261201200000';
import { Migration20261202180000 } from './migrations/Migration20261202180000';
import { Migration20261203070000 } from './migrations/Migration20261203070000';

export const TENANCY_SCHEMA = 'tenancy';

export function tenancyOrmConfig(databaseUrl: string) {
  return defineConfig({
    clientUrl: databaseUrl,
    schema: TENANCY_SCHEMA,
    entities: [Company, CompanyHost, Account, Membership, AccountAccess, HelpRequest, AuditEntry, Invitation],
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      silent: true,
      migrationsList: [
        { name: 'Migration20261125000000', class: Migration20261125000000 },
        { name: 'Migration20261126000000', class: Migration20261126000000 },
        { name: 'Migration20261201200000', class: Migration20261201200000 },
        { name: 'Migration20261202180000', class: Migration20261202180000 },
        { name: 'Migration20261203070000', class: Migration20261203070000 },
      ],
    },
    ...BOUNDED_POSTGRES_WAITS,
  });
}
