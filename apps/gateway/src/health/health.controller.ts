import { HealthReply, IdentityPatterns, MfaPatterns, TenancyPatterns } from '@app/contracts';
import { NATS_CONNECTION, REDIS, RedisClient, RpcClient } from '@app/platform';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { NatsConnection } from 'nats';

type CheckState = 'up' | 'down';

/** Readiness answers fast even when a dependency hangs. */
const CHECK_TIMEOUT_MS = 1000;

const SERVICES = { identity: IdentityPatterns.health, mfa: MfaPatterns.health, tenancy: TenancyPatterns.health };

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  @Get('live')
  @ApiOperation({ summary: '200 while the process runs' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: '200 when Redis, NATS, identity, mfa, tenancy and their Postgres answer; else 503 naming what failed' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [redis, nats, services] = await Promise.all([
      stateOf(withTimeout(this.redis.ping())),
      stateOf(withTimeout(this.nats.flush())),
      this.askServices(),
    ]);
    const checks: Record<string, CheckState> = { redis, nats, ...services.states, postgres: services.database };
    const failed = Object.keys(checks).filter((name) => checks[name] === 'down');
    if (failed.length > 0) void reply.code(503);
    return { status: failed.length > 0 ? 'unavailable' : 'ok', failed, checks };
  }

  /**
   * Each service checks its own database. Postgres is down when one that
   * answers says so; when none answers, nothing is known of it.
   */
  private async askServices(): Promise<{ states: Record<string, CheckState>; database: CheckState }> {
    const replies = await Promise.all(
      Object.entries(SERVICES).map(async ([name, contract]): Promise<[string, HealthReply | null]> => [
        name,
        await this.rpc.request(contract, {}, { timeoutMs: CHECK_TIMEOUT_MS }).catch(() => null),
      ]),
    );
    const states = Object.fromEntries(replies.map(([name, answer]) => [name, answer ? 'up' : 'down'] as const));
    const database = replies.some(([, answer]) => answer?.database === 'down') ? 'down' : 'up';
    return { states, database };
  }
}

function stateOf(check: Promise<unknown>): Promise<CheckState> {
  return check.then(() => 'up' as const, () => 'down' as const);
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}
