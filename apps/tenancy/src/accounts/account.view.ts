import { AccountView } from '@app/common';
import { Account } from './account.entity';

export function toAccountView(account: Account): AccountView {
  return { id: account.id, name: account.name };
}
