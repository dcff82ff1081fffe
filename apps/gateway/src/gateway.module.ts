import { AnnouncementConsumer, AnnouncementStream, ObservabilityModule, RedisCloser, redisProvider, RpcClientModule } from '@app/common';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AdminController } from './admin/admin.controller';
import { AccountAccessController } from './admin/account-access.controller';
import { AdminGuard } from './admin/admin.guard';
import { AuthController } from './auth/auth.controller';
import { LocalAuthGuard, LocalStrategy } from './auth/local.strategy';
import { LoginLimits } from './auth/login-limits';
import { PasswordCheck } from './auth/password-check';
import { PasswordController } from './auth/password.controller';
import { PasswordResetRequests } from './auth/password-reset-requests';
import { SignInService } from './auth/sign-in.service';
import { SignInSteps } from './auth/sign-in-steps';
import { TotpSignInController } from './auth/totp-sign-in.controller';
import { PortalFaceController } from './branding/portal-face.controller';
import { GATEWAY_CONFIG, GatewayConfig } from './config';
import { GoogleController } from './google/google.controller';
import { googleProviders } from './google/google.providers';
import { HealthController } from './health/health.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { LinkCheckController } from './mail-links/link-check.controller';
import { MetricsController } from './metrics/metrics.controller';
import { LanguageController } from './me/language.controller';
import { MeController } from './me/me.controller';
import { MeService } from './me/me.service';
import { TwoFactorEnrolment } from './me/two-factor-enrolment';
import { MemberContextCache } from './me/member-context.cache';
import { SessionsController } from './me/sessions.controller';
import { TotpController } from './me/totp.controller';
import { ViewInvalidationHandler } from './me/view-invalidation.handler';
import { GoogleIdTokenVerifier } from './mobile/google-id-token.verifier';
import { IdTokenReplayGuard } from './mobile/id-token-replay-guard';
import { MobileLoginTokens } from './mobile/login-tokens';
import { MobileAccess } from './mobile/mobile-access';
import { MobileController } from './mobile/mobile.controller';
import { MobileLoginService } from './mobile/mobile-login.service';
import { UnlockChallenges } from './mobile/unlock-challenges';
import { OperatorController } from './operator/operator.controller';
import { OperatorGuard } from './operator/operator.guard';
import { PortalResolver } from './portal/portal-resolver.service';
import { RateLimiter } from './rate-limit/rate-limiter';
import { CredentialsChangedHandler } from './session/credentials-changed.handler';
import { SessionGuard } from './session/session.guard';
import { SessionStore } from './session/session.store';
import { OtherSessionsController } from './sessions/other-sessions.controller';
import { SessionSightingInterceptor } from './sessions/session-sighting.interceptor';
import { SessionSightings } from './sessions/session-sightings';

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
        }),
      ],
      controllers: [
        AuthController,
        TotpSignInController,
        PasswordController,
        MeController,
        LanguageController,
        SessionsController,
        TotpController,
        AdminController,
        AccountAccessController,
        InvitationsController,
        MobileController,
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
        PortalResolver,
        SessionStore,
        SessionSightings,
        { provide: APP_INTERCEPTOR, useClass: SessionSightingInterceptor },
        SessionGuard,
        RateLimiter,
        LoginLimits,
        PasswordCheck,
        PasswordResetRequests,
        LocalStrategy,
        LocalAuthGuard,
        SignInService,
        SignInSteps,
        MemberContextCache,
        MeService,
        TwoFactorEnrolment,
        AdminGuard,
        OperatorGuard,
        ...googleProviders,
        MobileLoginTokens,
        MobileLoginService,
        MobileAccess,
        UnlockChallenges,
        GoogleIdTokenVerifier,
        IdTokenReplayGuard,
        ViewInvalidationHandler,
        CredentialsChangedHandler,
        {
          // All gateway processes share one durable consumer: each announcement is handled once, by any of them.
          provide: AnnouncementConsumer,
          inject: [AnnouncementStream, ViewInvalidationHandler, CredentialsChangedHandler],
          useFactory: (stream: AnnouncementStream, views: ViewInvalidationHandler, credentials: CredentialsChangedHandler) =>
            new AnnouncementConsumer(stream, 'gateway', config.NATS_SUBJECT_PREFIX, [...views.handlers, ...credentials.handlers]),
        },
      ],
    };
  }
}
