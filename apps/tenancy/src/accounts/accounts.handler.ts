import { AccountView, Handles, ParsedRequestOf, Request, TenancyPatterns } from '@app/common';
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
