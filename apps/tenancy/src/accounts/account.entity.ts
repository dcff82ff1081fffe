import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { Company } from '../companies/company.entity';

@Entity({ tableName: 'accounts' })
export class Account {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string = randomUUID();

  @ManyToOne({ entity: () => Company })
  readonly company: Rel<Company>;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'datetime' })
  readonly createdAt: Date = new Date();

  constructor(company: Company, name: string) {
    this.company = company;
    this.name = name;
  }
}
