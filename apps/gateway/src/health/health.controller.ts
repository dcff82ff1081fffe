import { HealthReply, IdentityPatterns, MfaPatterns, TenancyPatterns } from '@app/contracts';
import { NATS_CONNECTION, REDIS, RedisClient, RpcClient } from '@app/platform';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { NatsConnection } from 'nats';
import { Answers, responseJsonSchema } from '../http/answers.decorator';
import { CheckState, Liveness, Readiness } from './health.contract';

/** Readiness answers fast even when a dependency hangs. */
const CHECK_TIMEOUT_MS = 1000;
/**
 * A check answers every request that comes while it runs and for this long
 * after it started: /health/ready is open to anyone on any host, and each
 * check asks the three services, which each ask their database, so a flood of
 * probes must not become a check each.
 */
const CHECK_SHARED_MS = 1000;

type ServiceStates = Pick<Readiness['checks'], 'identity' | 'mfa' | 'tenancy'>;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  /** The last check, shared for CHECK_SHARED_MS. */
  private latest: { startedAt: number; readiness: Promise<Readiness> } | null = null;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  @Get('live')
  @ApiOperation({ summary: '200 while the process runs' })
  @Answers(200, Liveness, 'The process runs')
  live(): Liveness {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: '200 when Redis, NATS, identity, mfa, tenancy and their Postgres answer; else 503 naming what failed',
    description: 'One check answers every request within a second of its start: a probe sees the state of at most a second ago.',
  })
  @Answers(200, Readiness, 'Everything answers')
  // Documented only, not given to Fastify's serializer: the error filter's own 503 (`unavailable`) must keep its body on this route too.
  @ApiResponse({ status: 503, description: '`failed` names what does not answer', schema: responseJsonSchema(Readiness) })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    // The monotonic clock: a wall clock set back would keep an answer, maybe a 503, for as long.
    const now = performance.now();
    if (!this.latest || now - this.latest.startedAt >= CHECK_SHARED_MS) this.latest = { startedAt: now, readiness: this.check() };
    const readiness = await this.latest.readiness;
    if (readiness.failed.length > 0) void reply.code(503);
    return readiness;
  }

  private async check(): Promise<Readiness> {
    const [redis, nats, services] = await Promise.all([
      stateOf(withTimeout(this.redis.ping())),
      stateOf(withTimeout(this.nats.flush())),
      this.askServices(),
    ]);
    const checks = { redis, nats, ...services.states, postgres: services.database };
    const failed = Object.entries(checks)
      .filter(([, state]) => state === 'down')
      .map(([name]) => name);
    return { status: failed.length > 0 ? 'unavailable' : 'ok', failed, checks };
  }

  /**
   * Each service checks its own database. Postgres is down when one that
   * answers says so; when none answers, nothing is known of it.
   */
  private async askServices(): Promise<{ states: ServiceStates; database: CheckState }> {
    const ask = (contract: typeof IdentityPatterns.health) => this.rpc.request(contract, {}, { timeoutMs: CHECK_TIMEOUT_MS }).catch(() => null);
    const replies = await Promise.all([ask(IdentityPatterns.health), ask(MfaPatterns.health), ask(TenancyPatterns.health)]);
    const [identity, mfa, tenancy] = replies.map((answer: HealthReply | null): CheckState => (answer ? 'up' : 'down'));
    const database = replies.some((answer) => answer?.database === 'down') ? 'down' : 'up';
    return { states: { identity, mfa, tenancy }, database };
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
