import { ParsedRequestOf, TenancyPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { AcceptInvitation } from './accept-invitation.usecase';

@Controller()
export class InvitationsHandler {
  constructor(private readonly acceptInvitation: AcceptInvitation) {}

  @Handles(TenancyPatterns.acceptInvitation)
  accept(
    @Request(TenancyPatterns.acceptInvitation) payload: ParsedRequestOf<typeof TenancyPatterns.acceptInvitation>,
  ): Promise<{ userId: string }> {
    return this.acceptInvitation.execute(payload.token);
  }

  @Handles(TenancyPatterns.acceptInvitationOf)
  acceptOf(
    @Request(TenancyPatterns.acceptInvitationOf) { userId, companyId }: ParsedRequestOf<typeof TenancyPatterns.acceptInvitationOf>,
  ): Promise<{ member: boolean }> {
    return this.acceptInvitation.executeFor(userId, companyId);
  }
}
