import { ParsedRequestOf, TenancyPatterns, WaitingInvitation, Withdrawal } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { AcceptInvitation } from './accept-invitation.usecase';
import { WaitingInvitations } from './waiting-invitations';
import { WithdrawInvitation } from './withdraw-invitation.usecase';

@Controller()
export class InvitationsHandler {
  constructor(
    private readonly acceptInvitation: AcceptInvitation,
    private readonly waitingInvitations: WaitingInvitations,
    private readonly withdrawInvitation: WithdrawInvitation,
  ) {}

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

  @Handles(TenancyPatterns.withdrawInvitation)
  withdraw(
    @Request(TenancyPatterns.withdrawInvitation) payload: ParsedRequestOf<typeof TenancyPatterns.withdrawInvitation>,
  ): Promise<{ standing: Withdrawal }> {
    return this.withdrawInvitation.execute(payload);
  }

  @Handles(TenancyPatterns.waitingInvitations)
  waiting(
    @Request(TenancyPatterns.waitingInvitations) { userId }: ParsedRequestOf<typeof TenancyPatterns.waitingInvitations>,
  ): Promise<WaitingInvitation[]> {
    return this.waitingInvitations.of(userId);
  }

  @Handles(TenancyPatterns.mailInvitationsAgain)
  mailAgain(
    @Request(TenancyPatterns.mailInvitationsAgain) { userId, email, language }: ParsedRequestOf<typeof TenancyPatterns.mailInvitationsAgain>,
  ): Promise<{ mailed: number }> {
    return this.waitingInvitations.mailAgain(userId, email, language);
  }
}
