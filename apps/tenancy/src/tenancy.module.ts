import { TenancyEvents } from '@app/contracts';
import { RpcClientModule } from '@app/platform';
import { AnnouncementsModule, MailOutboxModule } from '@app/platform/service';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { AccountsHandler } from './accounts/accounts.handler';
import { CreateAccount } from './accounts/create-account.usecase';
import { AuditHandler } from './audit/audit.handler';
import { BrandingHandler } from './branding/branding.handler';
import { CompanyBrandings } from './branding/company-brandings.usecase';
import { AuditNotMe } from './audit/audit-not-me.usecase';
import { ListAudit } from './audit/list-audit.usecase';
import { CompaniesHandler } from './companies/companies.handler';
import { CompanySecuritySettings } from './companies/company-security.usecase';
import { CreateCompany } from './companies/create-company.usecase';
import { ResolveHost } from './companies/resolve-host.usecase';
import { TENANCY_CONFIG, TenancyConfig } from './config';
import { HealthHandler } from './health/health.handler';
import { HelpRequestsHandler } from './help-requests/help-requests.handler';
import { ListOpenHelpRequests } from './help-requests/list-open-help-requests.usecase';
import { OpenHelpRequest } from './help-requests/open-help-request.usecase';
import { HelpRequestMails } from './help-requests/help-request.mail-writer';
import { HelpRequestConfirmationMail } from './help-requests/help-request-confirmation.mail-writer';
import { ConfirmHelpRequest } from './help-requests/confirm-help-request.usecase';
import { AcceptInvitation } from './invitations/accept-invitation.usecase';
import { WithdrawInvitation } from './invitations/withdraw-invitation.usecase';
import { RemoveMember } from './memberships/remove-member.usecase';
import { WaitingInvitations } from './invitations/waiting-invitations';
import { Standings } from './memberships/standings';
import { InvitationMail } from './invitations/invitation.mail-writer';
import { InvitationsHandler } from './invitations/invitations.handler';
import { PendingInvitations } from './invitations/pending-invitations';
import { AddMember } from './memberships/add-member.usecase';
import { GetMember } from './memberships/get-member.usecase';
import { PortalsAndMember } from './memberships/portals-and-member.usecase';
import { SetAccountAccess } from './memberships/set-account-access.usecase';
import { ListCompaniesOfUser } from './memberships/list-companies-of-user.usecase';
import { ListMembers } from './memberships/list-members.usecase';
import { MemberSummaries } from './memberships/member-summaries';
import { MembershipGrants } from './memberships/membership-grants';
import { MembershipsHandler } from './memberships/memberships.handler';
import { TENANCY_SCHEMA, tenancyOrmConfig } from './mikro-orm.config';
import { DisableSecondFactor } from './second-factor/disable-second-factor.usecase';
import { FactorOffNoticeMail } from './second-factor/factor-off-notice.mail-writer';
import { FactorOffNotices } from './second-factor/factor-off-notices';
import { SecondFactorDisabledMail } from './second-factor/second-factor-disabled.mail-writer';
import { SecondFactorHandler } from './second-factor/second-factor.handler';

@Module({})
export class TenancyModule {
  static forConfig(config: TenancyConfig): DynamicModule {
    return {
      module: TenancyModule,
      global: true,
      imports: [
        MikroOrmModule.forRoot(tenancyOrmConfig(config.DATABASE_URL)),
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.NATS_SUBJECT_PREFIX,
          timeoutMs: config.RPC_TIMEOUT_MS,
          connectionName: 'tenancy',
          announcementReplicas: config.ANNOUNCEMENTS_REPLICAS,
        }),
        // The events tenancy must not lose: a lost one would leave an account taken away open from cached views, or a removed client's sessions.
        AnnouncementsModule.forService(TENANCY_SCHEMA, [TenancyEvents.memberChanged, TenancyEvents.memberLeft]),
        MailOutboxModule.forService(TENANCY_SCHEMA, config.SMTP_URL, config.MAIL_FROM),
      ],
      controllers: [
        HealthHandler,
        CompaniesHandler,
        BrandingHandler,
        AccountsHandler,
        MembershipsHandler,
        InvitationsHandler,
        HelpRequestsHandler,
        SecondFactorHandler,
        AuditHandler,
      ],
      providers: [
        { provide: TENANCY_CONFIG, useValue: config },
        InvitationMail,
        HelpRequestMails,
        HelpRequestConfirmationMail,
        SecondFactorDisabledMail,
        FactorOffNoticeMail,
        FactorOffNotices,
        CreateCompany,
        CompanySecuritySettings,
        CompanyBrandings,
        ResolveHost,
        CreateAccount,
        MembershipGrants,
        PendingInvitations,
        AddMember,
        AcceptInvitation,
        WithdrawInvitation,
        RemoveMember,
        WaitingInvitations,
        Standings,
        ListCompaniesOfUser,
        ListMembers,
        GetMember,
        PortalsAndMember,
        SetAccountAccess,
        MemberSummaries,
        OpenHelpRequest,
        ListOpenHelpRequests,
        ConfirmHelpRequest,
        DisableSecondFactor,
        ListAudit,
        AuditNotMe,
      ],
      exports: [TENANCY_CONFIG],
    };
  }
}
