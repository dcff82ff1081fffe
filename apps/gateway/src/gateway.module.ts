import {
  AnnouncementConsumer,
  AnnouncementHandler,
  AnnouncementStream,
  ObservabilityModule,
  RedisCloser,
  redisProvider,
  RpcClientModule,
} from '@app/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AdminController } from './admin/admin.controller';
import { SecuritySettingsController } from './admin/security-settings.controller';
import { BrandingController } from './admin/branding.controller';
import { TrustedBrowsersController } from './trusted-browsers/trusted-browsers.controller';
import { BrowserTrust } from './trusted-browsers/browser-trust';
import { TrustedBrowserStore } from './trusted-browsers/trusted-browser.store';
import { TrustEndingHandler } from './trusted-browsers/trust-ending.handler';
import { KnownBrowsers } from './security-alerts/known-browsers';
import { NotMeController } from './security-alerts/not-me.controller';
import { AccountAccessController } from './admin/account-access.controller';
import { AdminGuard } from './admin/admin.guard';
import { AuthController } from './sign-in/sign-in.controller';
import { LocalAuthGuard, LocalStrategy } from './sign-in/password/local.strategy';
import { LoginLimits } from './sign-in/password/login-limits';
import { PasswordCheck } from './sign-in/password/password-check';
import { PasswordController } from './auth/password.controller';
import { PasswordResetRequests } from './auth/password-reset-requests';
import { SignInService } from './sign-in/sign-in.service';
import { SignInSteps } from './sign-in/sign-in-steps';
import { PasskeySignInController } from './sign-in/passkey/passkey-sign-in.controller';
import { SecondStepMethods } from './sign-in/second-step-methods';
import { ReauthenticationController } from './reauthentication/reauthentication.controller';
import { TotpSignInController } from './sign-in/code/code-sign-in.controller';
import { HelpConfirmationController } from './sign-in/code/help-confirmation.controller';
import { PortalFaceController } from './branding/portal-face.controller';
import { BrandingCache } from './branding/branding-cache';
import { GATEWAY_CONFIG, GatewayConfig } from './config';
import { GoogleController } from './sign-in/google/google.controller';
import { googleProviders } from './sign-in/google/google.providers';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { HealthController } from './health/health.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { NewcomerInvitations } from './invitations/newcomer-invitations';
import { LinkCheckController } from './mail-links/link-check.controller';
import { MetricsController } from './metrics/metrics.controller';
import { LanguageController } from './me/language.controller';
import { MeController } from './me/me.controller';
import { PasswordChangeController } from './me/password-change.controller';
import { MeService } from './member-view/me.service';
import { TwoFactorEnrolment } from './me/two-factor-enrolment';
import { PortalViewCache } from './member-view/portal-view.cache';
import { SessionsController } from './me/sessions.controller';
import { TotpController } from './me/totp.controller';
import { ViewInvalidationHandler } from './member-view/view-invalidation.handler';
import { GoogleIdTokenVerifier } from './sign-in/google/google-id-token.verifier';
import { IdTokenReplayGuard } from './sign-in/google/id-token-replay-guard';
import { MobileLoginTokens } from './sign-in/mobile/login-tokens';
import { MobileAccess } from './mobile/mobile-access';
import { MobileController } from './mobile/mobile.controller';
import { MobilePasskeyController } from './mobile/mobile-passkey.controller';
import { MobileLoginService } from './sign-in/mobile/mobile-login.service';
import { MobilePasskeySignIn } from './sign-in/mobile/mobile-passkey-sign-in';
import { UnlockChallenges } from './mobile/unlock-challenges';
import { OperatorController } from './operator/operator.controller';
import { OperatorGuard } from './operator/operator.guard';
import { PasskeyAuthentication } from './passkeys/passkey-authentication.service';
import { PasskeyChallenges } from './passkeys/passkey-challenges';
import { PasskeyKeys } from './passkeys/passkey-keys';
import { PasskeyRemovedHandler } from './passkeys/passkey-removed.handler';
import { PasskeyRegistration } from './passkeys/passkey-registration.service';
import { PasskeysController } from './passkeys/passkeys.controller';
import { PortalResolver } from './portal/portal-resolver.service';
import { RateLimiter } from './rate-limit/rate-limiter';
import { CredentialsChangedHandler } from './session/credentials-changed.handler';
import { MembershipEndedHandler } from './session/membership-ended.handler';
import { SessionGuard } from './session/session.guard';
import { SessionStore } from './session/session.store';
import { OtherSessionsController } from './sessions/other-sessions.controller';
import { SessionSightings } from './session/session-sightings';
import { WellKnownModule } from './well-known/well-known.module';

@Module({})
export class GatewayModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PassportModule,
        ObservabilityModule,
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.NATS_SUBJECT_PREFIX,
          timeoutMs: config.RPC_TIMEOUT_MS,
          connectionName: 'gateway',
          announcementReplicas: config.ANNOUNCEMENTS_REPLICAS,
        }),
        WellKnownModule.forConfig(config),
      ],
      controllers: [
        AuthController,
        TotpSignInController,
        HelpConfirmationController,
        PasskeySignInController,
        ReauthenticationController,
        PasswordController,
        MeController,
        PasswordChangeController,
        LanguageController,
        SessionsController,
        TrustedBrowsersController,
        NotMeController,
        TotpController,
        PasskeysController,
        AdminController,
        SecuritySettingsController,
        BrandingController,
        AccountAccessController,
        InvitationsController,
        MobileController,
        MobilePasskeyController,
        OperatorController,
        GoogleController,
        HealthController,
        MetricsController,
        PortalFaceController,
        LinkCheckController,
        OtherSessionsController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        redisProvider(GATEWAY_CONFIG, 'gateway'),
        RedisCloser,
        BrandingCache,
        PortalResolver,
        SessionStore,
        SessionSightings,
        SessionGuard,
        RateLimiter,
        IdempotencyStore,
        LoginLimits,
        PasswordCheck,
        PasswordResetRequests,
        NewcomerInvitations,
        LocalStrategy,
        LocalAuthGuard,
        SignInService,
        SignInSteps,
        SecondStepMethods,
        PortalViewCache,
        MeService,
        TwoFactorEnrolment,
        AdminGuard,
        OperatorGuard,
        ...googleProviders,
        MobileLoginTokens,
        MobileLoginService,
        MobilePasskeySignIn,
        MobileAccess,
        UnlockChallenges,
        GoogleIdTokenVerifier,
        IdTokenReplayGuard,
        ViewInvalidationHandler,
        CredentialsChangedHandler,
        MembershipEndedHandler,
        TrustEndingHandler,
        TrustedBrowserStore,
        BrowserTrust,
        KnownBrowsers,
        PasskeyChallenges,
        PasskeyKeys,
        PasskeyRemovedHandler,
        PasskeyRegistration,
        PasskeyAuthentication,
        {
          // All gateway processes share one durable consumer: each announcement is handled once, by any of them.
          provide: AnnouncementConsumer,
          inject: [AnnouncementStream, ViewInvalidationHandler, CredentialsChangedHandler, MembershipEndedHandler, TrustEndingHandler, PasskeyRemovedHandler],
          useFactory: (stream: AnnouncementStream, ...receivers: { handlers: AnnouncementHandler[] }[]) =>
            new AnnouncementConsumer(stream, 'gateway', config.NATS_SUBJECT_PREFIX, receivers.flatMap((receiver) => receiver.handlers)),
        },
      ],
    };
  }
}
