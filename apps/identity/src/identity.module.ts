import { IdentityEvents } from '@app/contracts';
import { RpcClientModule } from '@app/platform';
import { AnnouncementsModule, MailOutboxModule } from '@app/platform/service';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { IDENTITY_CONFIG, IdentityConfig } from './config';
import { ChangePassword } from './credentials/change-password.usecase';
import { CredentialsHandler } from './credentials/credentials.handler';
import { ForgotPassword } from './credentials/forgot-password.usecase';
import { PasswordHasher } from './credentials/password-hasher';
import { PasswordPolicy } from './credentials/password-policy';
import { ResetPassword } from './credentials/reset-password.usecase';
import { RevokeResetLinks } from './credentials/revoke-reset-links.usecase';
import { RevokeCredentials } from './credentials/revoke-credentials.usecase';
import { VerifyPassword } from './credentials/verify-password.usecase';
import { DevicesHandler } from './devices/devices.handler';
import { ListDevices } from './devices/list-devices.usecase';
import { RegisterDevice } from './devices/register-device.usecase';
import { RememberCompany } from './devices/remember-company.usecase';
import { RevokeDevice } from './devices/revoke-device.usecase';
import { SetBiometricKey } from './devices/set-biometric-key.usecase';
import { UnlockDevice } from './devices/unlock-device.usecase';
import { GoogleSignIn } from './google/google-sign-in.usecase';
import { GoogleHandler } from './google/google.handler';
import { HealthHandler } from './health/health.handler';
import { FindPasskey } from './passkeys/find-passkey.usecase';
import { CountPasskeys, ListPasskeys } from './passkeys/list-passkeys.usecase';
import { PasskeyChangedMail } from './passkeys/passkey-changed.mail';
import { PasskeysHandler } from './passkeys/passkeys.handler';
import { RecordPasskeyUse } from './passkeys/record-passkey-use.usecase';
import { RegisterPasskey } from './passkeys/register-passkey.usecase';
import { PasskeyRemoval } from './passkeys/passkey-removal.usecase';
import { RemovePasskey } from './passkeys/remove-passkey.usecase';
import { RenamePasskey } from './passkeys/rename-passkey.usecase';
import { PasswordResetMail } from './mail/password-reset.mail';
import { MailLinks } from './mail/mail-links';
import { IDENTITY_SCHEMA, identityOrmConfig } from './mikro-orm.config';
import { CheckLink } from './tokens/check-link.usecase';
import { LinksHandler } from './tokens/links.handler';
import { UserTokenStore } from './tokens/user-token.store';
import { BrowserSignedIn } from './security-alerts/browser-signed-in.usecase';
import { NoteBrowser } from './security-alerts/note-browser.usecase';
import { NotMe } from './security-alerts/not-me.usecase';
import { SecurityAlertMail } from './security-alerts/security-alert.mail';
import { SecurityAlerts } from './security-alerts/security-alerts';
import { SecurityAlertsHandler } from './security-alerts/security-alerts.handler';
import { ActivateUser } from './users/activate-user.usecase';
import { EnsureUser } from './users/ensure-user.usecase';
import { FindUsers } from './users/find-users.usecase';
import { GetUser } from './users/get-user.usecase';
import { SetLanguage } from './users/set-language.usecase';
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
          announcementReplicas: config.ANNOUNCEMENTS_REPLICAS,
        }),
        // Lost, a change of credentials would leave the old sessions open, a change of the user a stale cached view,
        // and a passkey's removal its public key kept by the gateway.
        AnnouncementsModule.forService(IDENTITY_SCHEMA, [IdentityEvents.credentialsChanged, IdentityEvents.userChanged, IdentityEvents.passkeyRemoved]),
        MailOutboxModule.forService(IDENTITY_SCHEMA, config.SMTP_URL, config.MAIL_FROM),
      ],
      controllers: [HealthHandler, UsersHandler, CredentialsHandler, GoogleHandler, DevicesHandler, PasskeysHandler, LinksHandler, SecurityAlertsHandler],
      providers: [
        { provide: IDENTITY_CONFIG, useValue: config },
        PasswordHasher,
        PasswordPolicy,
        UserTokenStore,
        UserChangedPublisher,
        PasswordResetMail,
        SecurityAlertMail,
        SecurityAlerts,
        NoteBrowser,
        BrowserSignedIn,
        NotMe,
        MailLinks,
        RevokeResetLinks,
        VerifyPassword,
        ChangePassword,
        ForgotPassword,
        ResetPassword,
        CheckLink,
        RevokeCredentials,
        EnsureUser,
        ActivateUser,
        GetUser,
        FindUsers,
        SetLanguage,
        GoogleSignIn,
        RegisterDevice,
        SetBiometricKey,
        UnlockDevice,
        RememberCompany,
        ListDevices,
        RevokeDevice,
        PasskeyChangedMail,
        RegisterPasskey,
        ListPasskeys,
        CountPasskeys,
        FindPasskey,
        RecordPasskeyUse,
        RenamePasskey,
        RemovePasskey,
        PasskeyRemoval,
      ],
      exports: [IDENTITY_CONFIG],
    };
  }
}
