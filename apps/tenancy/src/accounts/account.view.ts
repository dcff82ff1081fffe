import { AccountView } from '@app/contracts';
import { Account } from './account.entity';

export function toAccountView(account: Account): AccountView {
  return { id: account.id, name: account.name };
}
