import { CompanyView } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { toCompanyView } from '../companies/company.view';
import { Membership } from './membership.entity';

@Injectable()
export class ListCompaniesOfUser {
  constructor(private readonly em: EntityManager) {}

  /** The companies where the user is a member, by name, with their hosts, in one query. */
  async execute(userId: string): Promise<CompanyView[]> {
    const memberships = await this.em.fork().find(
      Membership,
      { userId },
      { populate: ['company.hosts'], orderBy: { company: { name: 'asc', id: 'asc' } } },
    );
    return memberships.map((membership) => toCompanyView(membership.company));
  }
}
