import { AuditEntryView, ParsedRequestOf, SecondFactorHelpPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { ListAudit } from './list-audit.usecase';

@Controller()
export class AuditHandler {
  constructor(private readonly listAudit: ListAudit) {}

  @Handles(SecondFactorHelpPatterns.listAudit)
  list(
    @Request(SecondFactorHelpPatterns.listAudit) payload: ParsedRequestOf<typeof SecondFactorHelpPatterns.listAudit>,
  ): Promise<AuditEntryView[]> {
    return this.listAudit.execute(payload.companyId);
  }
}
