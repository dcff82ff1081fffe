import { CompanyView, ParsedRequestOf, TenancyPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { CreateCompany } from './create-company.usecase';
import { ResolveHost } from './resolve-host.usecase';

@Controller()
export class CompaniesHandler {
  constructor(
    private readonly createCompany: CreateCompany,
    private readonly resolveHost: ResolveHost,
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
}
