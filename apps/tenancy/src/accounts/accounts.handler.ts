import { AccountView, ParsedRequestOf, TenancyPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { CreateAccount } from './create-account.usecase';

@Controller()
export class AccountsHandler {
  constructor(private readonly createAccount: CreateAccount) {}

  @Handles(TenancyPatterns.createAccount)
  create(
    @Request(TenancyPatterns.createAccount) payload: ParsedRequestOf<typeof TenancyPatterns.createAccount>,
  ): Promise<AccountView> {
    return this.createAccount.execute(payload);
  }
}
