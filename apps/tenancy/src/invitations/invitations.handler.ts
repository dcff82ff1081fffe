import { ParsedRequestOf, Standing, TenancyPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { AcceptInvitation } from './accept-invitation.usecase';
import { Standings } from './standings';

@Controller()
export class InvitationsHandler {
  constructor(
    private readonly acceptInvitation: AcceptInvitation,
    private readonly standings: Standings,
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

  @Handles(TenancyPatterns.memberSince)
  async since(@Request(TenancyPatterns.memberSince) { userId, companyId }: ParsedRequestOf<typeof TenancyPatterns.memberSince>): Promise<{ since: string | null }> {
    return { since: await this.standings.since(userId, companyId) };
  }

  @Handles(TenancyPatterns.standing)
  async standing(@Request(TenancyPatterns.standing) { userId, companyId }: ParsedRequestOf<typeof TenancyPatterns.standing>): Promise<{ standing: Standing }> {
    return { standing: await this.standings.of(userId, companyId) };
  }
}
