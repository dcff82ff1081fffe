import { Mailer, RpcClientModule } from '@app/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { IDENTITY_CONFIG, IdentityConfig } from './config';
import { ChangePassword } from './credentials/change-password.usecase';
import { CredentialsHandler } from './credentials/credentials.handler';
import { ForgotPassword } from './credentials/forgot-password.usecase';
import { PasswordHasher } from './credentials/password-hasher';
import { PasswordPolicy } from './credentials/password-policy';
import { ResetPassword } from './credentials/reset-password.usecase';
import { VerifyPassword } from './credentials/verify-password.usecase';
import { HealthHandler } from './health/health.handler';
import { PasswordResetMail } from './mail/password-reset.mail';
import { identityOrmConfig } from './mikro-orm.config';
import { UserTokenStore } from './tokens/user-token.store';
import { ActivateUser } from './users/activate-user.usecase';
import { EnsureUser } from './users/ensure-user.usecase';
import { FindUsers } from './users/find-users.usecase';
import { GetUser } from './users/get-user.usecase';
import { UserChangedPublisher } from './users/user-changed.publisher';
import { UsersHandler } from './users/users.handler';

@Module({})
export class IdentityModule {
  static forConfig(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [
        MikroOrmModule.forRoot(identityOrmConfig(config.DATABASE_URL)),
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.NATS_SUBJECT_PREFIX,
          timeoutMs: config.RPC_TIMEOUT_MS,
          connectionName: 'identity',
        }),
      ],
      controllers: [HealthHandler, UsersHandler, CredentialsHandler],
      providers: [
        { provide: IDENTITY_CONFIG, useValue: config },
        { provide: Mailer, useFactory: () => new Mailer(config.SMTP_URL, config.MAIL_FROM) },
        PasswordHasher,
        PasswordPolicy,
        UserTokenStore,
        UserChangedPublisher,
        PasswordResetMail,
        VerifyPassword,
        ChangePassword,
        ForgotPassword,
        ResetPassword,
        EnsureUser,
        ActivateUser,
        GetUser,
        FindUsers,
      ],
      exports: [IDENTITY_CONFIG],
    };
  }
}
