import { randomUUID } from 'node:crypto';
import { Collection, Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { CompanyHost } from './company-host.entity';

@Entity({ tableName: 'companies' })
export class Company {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string = randomUUID();

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'boolean' })
  requireTotp: boolean;

  /** Days a browser trusted at the code step skips it; 0: the option is off. */
  @Property({ type: 'integer' })
  trustedBrowserDays: number;

  /** Shorter web sessions than the deployment's; null: the deployment's. */
  @Property({ type: 'integer', nullable: true })
  sessionIdleMinutes: number | null = null;

  @Property({ type: 'integer', nullable: true })
  sessionAbsoluteHours: number | null = null;

  @Property({ type: 'datetime' })
  readonly createdAt: Date = new Date();

  /** In position order: the first host is the portal's address. */
  @OneToMany({ entity: () => CompanyHost, mappedBy: 'company', orderBy: { position: 'asc' } })
  readonly hosts = new Collection<CompanyHost>(this);

  constructor(name: string, requireTotp: boolean, trustedBrowserDays: number) {
    this.name = name;
    this.requireTotp = requireTotp;
    this.trustedBrowserDays = trustedBrowserDays;
  }
}
