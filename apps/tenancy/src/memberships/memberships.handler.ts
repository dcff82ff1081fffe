import {
  AddedMember,
  CompanyMemberView,
  CompanyView,
  MemberView,
  ParsedRequestOf,
  Removal,
  Standing,
  TenancyPatterns,
} from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { AddMember } from './add-member.usecase';
import { GetMember } from './get-member.usecase';
import { ListCompaniesOfUser } from './list-companies-of-user.usecase';
import { ListMembers } from './list-members.usecase';
import { PortalsAndMember } from './portals-and-member.usecase';
import { RemoveMember } from './remove-member.usecase';
import { SetAccountAccess } from './set-account-access.usecase';
import { Standings } from './standings';

@Controller()
export class MembershipsHandler {
  constructor(
    private readonly addMember: AddMember,
    private readonly listCompaniesOfUser: ListCompaniesOfUser,
    private readonly getMember: GetMember,
    private readonly setAccountAccess: SetAccountAccess,
    private readonly listMembers: ListMembers,
    private readonly portalsAndMemberOf: PortalsAndMember,
    private readonly standings: Standings,
    private readonly removeMember: RemoveMember,
  ) {}

  @Handles(TenancyPatterns.addMember)
  add(
    @Request(TenancyPatterns.addMember) payload: ParsedRequestOf<typeof TenancyPatterns.addMember>,
  ): Promise<AddedMember> {
    return this.addMember.execute(payload);
  }

  @Handles(TenancyPatterns.listMembers)
  list(@Request(TenancyPatterns.listMembers) payload: ParsedRequestOf<typeof TenancyPatterns.listMembers>): Promise<CompanyMemberView[]> {
    return this.listMembers.execute(payload.companyId);
  }

  @Handles(TenancyPatterns.listCompaniesOfUser)
  companies(
    @Request(TenancyPatterns.listCompaniesOfUser) payload: ParsedRequestOf<typeof TenancyPatterns.listCompaniesOfUser>,
  ): Promise<CompanyView[]> {
    return this.listCompaniesOfUser.execute(payload.userId);
  }

  @Handles(TenancyPatterns.setAccountAccess)
  setAccounts(
    @Request(TenancyPatterns.setAccountAccess) payload: ParsedRequestOf<typeof TenancyPatterns.setAccountAccess>,
  ): Promise<void> {
    return this.setAccountAccess.execute(payload);
  }

  @Handles(TenancyPatterns.removeMember)
  remove(@Request(TenancyPatterns.removeMember) payload: ParsedRequestOf<typeof TenancyPatterns.removeMember>): Promise<{ removal: Removal }> {
    return this.removeMember.execute(payload);
  }

  @Handles(TenancyPatterns.portalsAndMember)
  portalsAndMember(
    @Request(TenancyPatterns.portalsAndMember) payload: ParsedRequestOf<typeof TenancyPatterns.portalsAndMember>,
  ): Promise<{ companies: CompanyView[]; member: MemberView | null }> {
    return this.portalsAndMemberOf.execute(payload.userId, payload.companyId);
  }

  @Handles(TenancyPatterns.getMember)
  get(
    @Request(TenancyPatterns.getMember) payload: ParsedRequestOf<typeof TenancyPatterns.getMember>,
  ): Promise<MemberView> {
    return this.getMember.execute(payload.userId, payload.companyId);
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
