import { CompanyView } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Company } from './company.entity';
import { toCompanyView } from './company.view';

@Injectable()
export class ResolveHost {
  constructor(private readonly em: EntityManager) {}

  /** The company whose portal answers on the host, with all its hosts, in one query. */
  async execute(host: string): Promise<CompanyView | null> {
    const company = await this.em.fork().findOne(Company, { hosts: { host } }, { populate: ['hosts'] });
    return company && toCompanyView(company);
  }
}
