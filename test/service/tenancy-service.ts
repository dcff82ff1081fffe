import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DomainError,
  ErrorCode,
  IdentityPatterns,
  MfaPatterns,
  PasskeyPatterns,
  RequestOf,
  SecondFactorHelpPatterns,
  TenancyPatterns,
  UserView,
} from '@app/contracts';
import { Type } from '@nestjs/common';
import { tenancyConfigSchema } from '../../apps/tenancy/src/config';
import { TENANCY_SCHEMA, tenancyOrmConfig } from '../../apps/tenancy/src/mikro-orm.config';
import { TenancyModule } from '../../apps/tenancy/src/tenancy.module';
import { Mailbox } from '../support/mailbox';
import { PeerServices } from '../support/peer-services';
import { ServiceContext, startService } from '../support/service-context';
import { SmtpSink } from '../support/smtp-sink';

interface KnownUser extends UserView {
  /** Still to activate: identity hands tenancy an activation token for them. */
  pending: boolean;
}

/**
 * Tenancy alone, on its own fresh database and subject prefix, with identity
 * and mfa answered by `PeerServices`: who exists, and what was asked of them.
 */
export class TenancyService {
  private readonly users = new Map<string, KnownUser>();
  /** Users whose credentials identity fails to revoke, as when it is out of reach. */
  readonly unrevokable = new Set<string>();
  /** How many passkeys identity holds for each user, on every host together. */
  readonly passkeys = new Map<string, number>();
  /** Each user's remote effects, in the order identity and mfa saw them: passkeys, factor, revocation. */
  private readonly effects = new Map<string, string[]>();

  private constructor(
    private readonly context: ServiceContext,
    readonly peers: PeerServices,
    private readonly sink: SmtpSink,
    /** What the service mailed, through its SMTP sink. */
    readonly mailbox: Mailbox,
  ) {
    peers.answer(IdentityPatterns.ensureUser, ({ email, name, language }) => {
      const known = [...this.users.values()].find((user) => user.email === email) ?? this.person(email, name, language);
      return { userId: known.id, activationToken: known.pending ? randomUUID() : null, language: known.language };
    });
    peers.answer(IdentityPatterns.findUsers, ({ userIds }) => userIds.flatMap((id) => this.users.get(id) ?? []));
    peers.answer(IdentityPatterns.getUser, ({ userId }) => this.users.get(userId) ?? new DomainError(ErrorCode.NotFound, 'No such user.'));
    peers.answer(IdentityPatterns.revokeCredentials, ({ userId }) => {
      if (this.unrevokable.has(userId)) return new DomainError(ErrorCode.Unavailable, 'identity is not answering.');
      this.note(userId, 'revoked credentials');
      return { userId, credentialVersion: 2 };
    });
    peers.answer(PasskeyPatterns.removeAllOfUser, ({ userId }) => {
      const removed = this.passkeys.get(userId) ?? 0;
      this.passkeys.delete(userId);
      this.note(userId, `removed ${removed} passkeys`);
      return { removed };
    });
    peers.answer(MfaPatterns.removeFactor, ({ userId }) => {
      this.note(userId, 'removed the TOTP factor');
      return { removed: true };
    });
  }

  static async start(): Promise<TenancyService> {
    const mailDir = mkdtempSync(join(tmpdir(), 'tenancy-service-mail-'));
    const sink = await SmtpSink.start(mailDir);
    let context: ServiceContext;
    try {
      context = await startService({
        name: 'tenancy',
        database: { schema: TENANCY_SCHEMA, ormConfig: tenancyOrmConfig },
        module: (environment) =>
          TenancyModule.forConfig(
            tenancyConfigSchema.parse({
              NATS_URL: environment.natsUrl,
              NATS_SUBJECT_PREFIX: environment.natsSubjectPrefix,
              DATABASE_URL: environment.databaseUrl,
              SMTP_URL: sink.url,
              EASY_ACCESS_HOST: 'portal.service-spec.test',
              LOG_LEVEL: 'error',
            }),
          ),
      });
    } catch (error) {
      // A sink left listening would keep Jest from exiting.
      await sink.stop();
      throw error;
    }
    const peers = await PeerServices.connect(context.environment.natsUrl, context.environment.natsSubjectPrefix);
    return new TenancyService(context, peers, sink, new Mailbox(mailDir));
  }

  /** One of the service's use cases, as its handler calls it. */
  get<T>(useCase: Type<T>): T {
    return this.context.app.get(useCase);
  }

  /** A user identity knows: `pending` ones are still to activate, so joining a company makes them members at once. */
  person(email: string, name = 'Client', language: 'fr' | 'en' = 'fr', pending = false): KnownUser {
    const user = { id: randomUUID(), email, name, active: !pending, google: false, credentialVersion: 1, language, pending };
    this.users.set(user.id, user);
    return user;
  }

  /** What identity and mfa were asked to do to the user, in order. */
  effectsOn(userId: string): string[] {
    return this.effects.get(userId) ?? [];
  }

  private note(userId: string, effect: string): void {
    this.effects.set(userId, [...this.effectsOn(userId), effect]);
  }

  /** Contract-parsed, as the handlers receive them. */
  parsed = {
    addMember: (request: RequestOf<typeof TenancyPatterns.addMember>) => TenancyPatterns.addMember.request.parse(request),
    disable: (request: RequestOf<typeof SecondFactorHelpPatterns.disableSecondFactor>) =>
      SecondFactorHelpPatterns.disableSecondFactor.request.parse(request),
    openRequest: (request: RequestOf<typeof SecondFactorHelpPatterns.openRequest>) =>
      SecondFactorHelpPatterns.openRequest.request.parse(request),
  };

  async stop(): Promise<void> {
    await this.peers.close();
    await this.context.close();
    await this.sink.stop();
  }
}
