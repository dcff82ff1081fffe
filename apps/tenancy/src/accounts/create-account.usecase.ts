import { AccountView, assertThat, ErrorCode, ParsedRequestOf, TenancyPatterns } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Company } from '../companies/company.entity';
import { Account } from './account.entity';
import { toAccountView } from './account.view';

export type NewAccount = ParsedRequestOf<typeof TenancyPatterns.createAccount>;

@Injectable()
export class CreateAccount {
  constructor(private readonly em: EntityManager) {}

  /** @throws DomainError `not_found` for an unknown company. */
  async execute(request: NewAccount): Promise<AccountView> {
    const em = this.em.fork();
    const company = await em.findOne(Company, request.companyId);
    assertThat(company, ErrorCode.NotFound, 'No such company.');
    const account = new Account(company, request.name);
    await em.persist(account).flush();
    return toAccountView(account);
  }
}
