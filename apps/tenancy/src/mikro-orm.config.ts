import { serviceOrmConfig } from '@app/platform/service';
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
import { Migration20261204000000 } from './migrations/Migration20261204000000';
import { Migration20261204010000 } from './migrations/Migration20261204010000';
import { Migration20261204020000 } from './migrations/Migration20261204020000';
import { Migration20261204030000 } from './migrations/Migration20261204030000';
import { Migration20261204150000 } from './migrations/Migration20261204150000';
import { Migration20261204160000 } from './migrations/Migration20261204160000';
import { Migration20261205000000 } from './migrations/Migration20261205000000';
import { Migration20261206000000 } from './migrations/Migration20261206000000';
import { Migration20261206010000 } from './migrations/Migration20261206010000';
import { Migration20261206020000 } from './migrations/Migration20261206020000';

export const TENANCY_SCHEMA = 'tenancy';

export function tenancyOrmConfig(databaseUrl: string) {
  return serviceOrmConfig(
    {
      schema: TENANCY_SCHEMA,
      entities: [Company, CompanyHost, Account, Membership, AccountAccess, HelpRequest, AuditEntry, Invitation],
      migrations: [
        Migration20261125000000,
        Migration20261126000000,
        Migration20261201200000,
        Migration20261202180000,
        Migration20261203070000,
        Migration20261204000000,
        Migration20261204010000,
        Migration20261204020000,
        Migration20261204030000,
        Migration20261204150000,
        Migration20261204160000,
        Migration20261205000000,
        Migration20261206000000,
        Migration20261206010000,
        Migration20261206020000,
      ],
    },
    databaseUrl,
  );
}
