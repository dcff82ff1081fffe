import { MfaEvents } from '@app/contracts';
import { RedisCloser, redisProvider, RpcClientModule } from '@app/platform';
import { AnnouncementsModule, MailOutboxModule } from '@app/platform/service';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { AttemptLimits } from './attempts/attempt-limits';
import { LegacyAttemptKeys } from './attempts/legacy-attempt-keys';
import { LockoutMail } from './attempts/lockout.mail';
import { FactorAlertMail } from './alerts/factor-alert.mail';
import { MFA_CONFIG, MfaConfig } from './config';
import { HealthHandler } from './health/health.handler';
import { MFA_SCHEMA, mfaOrmConfig } from './mikro-orm.config';
import { RecoveryCodeStore } from './recovery-codes/recovery-code.store';
import { SecretCipher } from './secrets/secret-cipher';
import { BeginEnrolment } from './totp/begin-enrolment.usecase';
import { ConfirmEnrolment } from './totp/confirm-enrolment.usecase';
import { RegenerateRecoveryCodes } from './recovery-codes/regenerate-recovery-codes.usecase';
import { FactorStatus } from './totp/factor-status.usecase';
import { RemoveFactor } from './totp/remove-factor.usecase';
import { ReplayGuard } from './totp/replay-guard';
import { TotpCodeCheck } from './totp/totp-code-check';
import { TotpHandler } from './totp/totp.handler';
import { VerifySecondFactor } from './totp/verify-second-factor.usecase';

@Module({})
export class MfaModule {
  static forConfig(config: MfaConfig): DynamicModule {
    return {
      module: MfaModule,
      global: true,
      imports: [
        MikroOrmModule.forRoot(mfaOrmConfig(config.DATABASE_URL)),
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.NATS_SUBJECT_PREFIX,
          timeoutMs: config.RPC_TIMEOUT_MS,
          connectionName: 'mfa',
          announcementReplicas: config.ANNOUNCEMENTS_REPLICAS,
        }),
        // Lost, a change of factor would leave the gateway's cached view saying 2FA is on or off when it is not.
        AnnouncementsModule.forService(MFA_SCHEMA, [MfaEvents.factorChanged]),
        MailOutboxModule.forService(MFA_SCHEMA, config.SMTP_URL, config.MAIL_FROM),
      ],
      controllers: [HealthHandler, TotpHandler],
      providers: [
        { provide: MFA_CONFIG, useValue: config },
        { provide: SecretCipher, useFactory: () => new SecretCipher(config.keyring) },
        redisProvider(MFA_CONFIG, 'mfa'),
        RedisCloser,
        ReplayGuard,
        AttemptLimits,
        LegacyAttemptKeys,
        LockoutMail,
        FactorAlertMail,
        RecoveryCodeStore,
        TotpCodeCheck,
        BeginEnrolment,
        ConfirmEnrolment,
        RegenerateRecoveryCodes,
        VerifySecondFactor,
        FactorStatus,
        RemoveFactor,
      ],
      exports: [MFA_CONFIG],
    };
  }
}
