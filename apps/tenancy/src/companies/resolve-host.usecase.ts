import { CompanyView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { COMPANY_COLUMNS, companyOfRow, CompanyRow } from './company.view';

/** Each gateway asks this for every host it has not seen lately: plain SQL, as the ORM costs more than the query. */
const COMPANY_OF_HOST = `
  select ${COMPANY_COLUMNS}
  from tenancy.company_hosts found
  join tenancy.companies c on c.id = found.company_id
  where found.host = ?`;

@Injectable()
export class ResolveHost {
  constructor(private readonly em: EntityManager) {}

  /** The company whose portal answers on the host, with all its hosts, in one query. */
  async execute(host: string): Promise<CompanyView | null> {
    const [row] = await this.em.getConnection().execute<CompanyRow[]>(COMPANY_OF_HOST, [host]);
    return row ? companyOfRow(row) : null;
  }
}
