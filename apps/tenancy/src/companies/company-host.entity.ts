import { tagOfHostName } from '@app/contracts';
import { Entity, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { Company } from './company.entity';

/** A hostname the company's portal answers on; the primary key makes a host belong to one portal only. */
@Entity({ tableName: 'company_hosts' })
export class CompanyHost {
  @PrimaryKey({ type: 'text' })
  readonly host: string;

  @ManyToOne({ entity: () => Company })
  readonly company: Rel<Company>;

  @Property({ type: 'integer' })
  readonly position: number;

  /** What the gateway binds sessions to (tagOfHostName), unique: no host may pass for another, whose tag a firm searched for. */
  @Property({ type: 'text', unique: 'company_hosts_tag_unique' })
  readonly tag: string;

  constructor(company: Company, host: string, position: number) {
    this.company = company;
    this.host = host;
    this.position = position;
    this.tag = tagOfHostName(host);
  }
}
