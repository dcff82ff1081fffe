import { CompanyView, DomainError, ErrorCode, ParsedRequestOf, TenancyPatterns } from '@app/contracts';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CompanyHost } from './company-host.entity';
import { Company } from './company.entity';
import { toCompanyView } from './company.view';

export type NewCompany = ParsedRequestOf<typeof TenancyPatterns.createCompany>;

@Injectable()
export class CreateCompany {
  constructor(private readonly em: EntityManager) {}

  /** @throws DomainError `conflict` when a host already belongs to a portal or is given twice. */
  async execute(request: NewCompany): Promise<CompanyView> {
    const repeated = request.hosts.find((host, index) => request.hosts.indexOf(host) !== index);
    if (repeated) throw hostTaken(repeated);
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
    const taken = await this.em.fork().find(CompanyHost, { host: { $in: hosts } }, { fields: ['host'] });
    const first = hosts.find((host) => taken.some((companyHost) => companyHost.host === host));
    if (first) throw hostTaken(first);
  }
}

function hostTaken(host: string): DomainError {
  return new DomainError(ErrorCode.Conflict, `The host ${host} already belongs to a portal.`);
}
