import { CompanyView, DomainError, ErrorCode, ParsedRequestOf, tagOfHostName, TenancyPatterns } from '@app/contracts';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { CompanyHost } from './company-host.entity';
import { Company } from './company.entity';
import { toCompanyView } from './company.view';

export type NewCompany = ParsedRequestOf<typeof TenancyPatterns.createCompany>;

@Injectable()
export class CreateCompany {
  constructor(
    private readonly em: EntityManager,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {}

  /**
   * @throws DomainError `conflict` when a host already belongs to a portal or is given twice, or its tag
   * (tagOfHostName) is another host's: the easy access host's, or one given or registered before.
   */
  async execute(request: NewCompany): Promise<CompanyView> {
    const tags = request.hosts.map(tagOfHostName);
    const repeated = request.hosts.find((_host, index) => tags.indexOf(tags[index]) !== index);
    if (repeated) throw hostTaken(repeated);
    const easyAccess = request.hosts.find((_host, index) => tags[index] === tagOfHostName(this.config.EASY_ACCESS_HOST));
    if (easyAccess) throw hostTaken(easyAccess);
    const company = new Company(request.name, request.requireTotp, request.trustedBrowserDays);
    request.hosts.forEach((host, position) => company.hosts.add(new CompanyHost(company, host, position)));
    try {
      await this.em.fork().persist(company).flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) await this.assertHostsFree(request.hosts);
      throw error;
    }
    return toCompanyView(company);
  }

  /**
   * The host's primary key is the one arbiter, also when two requests race: the
   * loser's insert waits for the winner's commit, so the winner's hosts are visible here.
   */
  private async assertHostsFree(hosts: string[]): Promise<void> {
    const tags = hosts.map(tagOfHostName);
    const taken = await this.em
      .fork()
      .getConnection()
      .execute<{ host: string; tag: string }[]>('select host, tag from tenancy.company_hosts where host = any(?) or tag = any(?)', [
        `{${hosts.join(',')}}`,
        `{${tags.join(',')}}`,
      ]);
    const first = hosts.find((host, index) => taken.some((companyHost) => companyHost.host === host || companyHost.tag === tags[index]));
    if (first) throw hostTaken(first);
  }
}

function hostTaken(host: string): DomainError {
  return new DomainError(ErrorCode.Conflict, `The host ${host} already belongs to a portal, or cannot be told from one that does.`);
}
