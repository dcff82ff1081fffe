import { Entity, ManyToOne, PrimaryKeyProp, Rel } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { Membership } from './membership.entity';

/** A member's access to one account of the same company. */
@Entity({ tableName: 'account_accesses' })
export class AccountAccess {
  @ManyToOne({ entity: () => Membership, primary: true })
  readonly membership: Rel<Membership>;

  @ManyToOne({ entity: () => Account, primary: true })
  readonly account: Rel<Account>;

  [PrimaryKeyProp]?: ['membership', 'account'];
}
