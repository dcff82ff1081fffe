import { CompanySecurity, CompanyView, ParsedRequestOf, TenancyPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { CompanySecuritySettings } from './company-security.usecase';
import { CreateCompany } from './create-company.usecase';
import { ResolveHost } from './resolve-host.usecase';

@Controller()
export class CompaniesHandler {
  constructor(
    private readonly createCompany: CreateCompany,
    private readonly resolveHost: ResolveHost,
    private readonly settings: CompanySecuritySettings,
  ) {}

  @Handles(TenancyPatterns.createCompany)
  create(
    @Request(TenancyPatterns.createCompany) payload: ParsedRequestOf<typeof TenancyPatterns.createCompany>,
  ): Promise<CompanyView> {
    return this.createCompany.execute(payload);
  }

  @Handles(TenancyPatterns.resolveHost)
  async resolve(
    @Request(TenancyPatterns.resolveHost) payload: ParsedRequestOf<typeof TenancyPatterns.resolveHost>,
  ): Promise<{ company: CompanyView | null }> {
    return { company: await this.resolveHost.execute(payload.host) };
  }

  @Handles(TenancyPatterns.security)
  security(@Request(TenancyPatterns.security) { companyId }: ParsedRequestOf<typeof TenancyPatterns.security>): Promise<CompanySecurity> {
    return this.settings.read(companyId);
  }

  @Handles(TenancyPatterns.setSecurity)
  setSecurity(
    @Request(TenancyPatterns.setSecurity) { companyId, actorUserId, ...settings }: ParsedRequestOf<typeof TenancyPatterns.setSecurity>,
  ): Promise<CompanySecurity> {
    return this.settings.set(companyId, actorUserId, settings);
  }
}
