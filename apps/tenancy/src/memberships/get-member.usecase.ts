import { assertThat, ErrorCode, MemberView } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { toAccountView } from '../accounts/account.view';
import { toCompanyView } from '../companies/company.view';
import { Membership } from './membership.entity';

@Injectable()
export class GetMember {
  constructor(private readonly em: EntityManager) {}

  /**
   * The member's role, company and accounts, in one query.
   * @throws DomainError `not_found` when the user is no member of the company.
   */
  async execute(userId: string, companyId: string): Promise<MemberView> {
    const membership = await this.em
      .fork()
      .findOne(Membership, { userId, company: companyId }, { populate: ['company.hosts', 'accounts'] });
    assertThat(membership, ErrorCode.NotFound, 'Not a member of this company.');
    return {
      role: membership.role,
      company: toCompanyView(membership.company),
      accounts: membership.accounts.getItems().map(toAccountView),
    };
  }
}
