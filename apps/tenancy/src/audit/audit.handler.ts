import { AuditEntryView, ParsedRequestOf, SecondFactorHelpPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { AuditNotMe } from './audit-not-me.usecase';
import { ListAudit } from './list-audit.usecase';

@Controller()
export class AuditHandler {
  constructor(
    private readonly listAudit: ListAudit,
    private readonly auditNotMe: AuditNotMe,
  ) {}

  @Handles(SecondFactorHelpPatterns.listAudit)
  list(
    @Request(SecondFactorHelpPatterns.listAudit) payload: ParsedRequestOf<typeof SecondFactorHelpPatterns.listAudit>,
  ): Promise<AuditEntryView[]> {
    return this.listAudit.execute(payload.companyId, payload.before);
  }

  @Handles(SecondFactorHelpPatterns.auditNotMe)
  async notMe(
    @Request(SecondFactorHelpPatterns.auditNotMe) { userId }: ParsedRequestOf<typeof SecondFactorHelpPatterns.auditNotMe>,
  ): Promise<Record<string, never>> {
    await this.auditNotMe.execute(userId);
    return {};
  }
}
