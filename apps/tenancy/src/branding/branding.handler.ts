import { BrandingPatterns, CompanyBranding, Logo, ParsedRequestOf } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { CompanyBrandings } from './company-brandings.usecase';

@Controller()
export class BrandingHandler {
  constructor(private readonly brandings: CompanyBrandings) {}

  @Handles(BrandingPatterns.branding)
  branding(@Request(BrandingPatterns.branding) { companyId }: ParsedRequestOf<typeof BrandingPatterns.branding>): Promise<CompanyBranding> {
    return this.brandings.read(companyId);
  }

  @Handles(BrandingPatterns.setBranding)
  setBranding(
    @Request(BrandingPatterns.setBranding) { companyId, actorUserId, ...changes }: ParsedRequestOf<typeof BrandingPatterns.setBranding>,
  ): Promise<CompanyBranding> {
    return this.brandings.set(companyId, actorUserId, changes);
  }

  @Handles(BrandingPatterns.logo)
  logo(@Request(BrandingPatterns.logo) { companyId }: ParsedRequestOf<typeof BrandingPatterns.logo>): Promise<(Logo & { digest: string }) | null> {
    return this.brandings.logo(companyId);
  }
}
