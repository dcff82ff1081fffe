import { IdentityPatterns, MfaPatterns, NATS_CONNECTION, RpcClient, TenancyPatterns } from '@app/common';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { NatsConnection } from 'nats';
import { REDIS } from '../redis.provider';

type CheckState = 'up' | 'down';

/** Readiness answers fast even when a dependency hangs. */
const CHECK_TIMEOUT_MS = 1000;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  @Get('live')
  @ApiOperation({ summary: '200 while the process runs' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: '200 when Redis, NATS, identity, mfa and tenancy answer; else 503 naming what failed' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const options = { timeoutMs: CHECK_TIMEOUT_MS };
    const entries = await Promise.all(
      Object.entries({
        redis: () => withTimeout(this.redis.ping()),
        nats: () => withTimeout(this.nats.flush()),
        identity: () => this.rpc.request(IdentityPatterns.health, {}, options),
        mfa: () => this.rpc.request(MfaPatterns.health, {}, options),
        tenancy: () => this.rpc.request(TenancyPatterns.health, {}, options),
      }).map(async ([name, check]): Promise<[string, CheckState]> => [name, await check().then(() => 'up' as const, () => 'down' as const)]),
    );
    const checks = Object.fromEntries(entries) as Record<string, CheckState>;
    const failed = entries.filter(([, state]) => state === 'down').map(([name]) => name);
    if (failed.length > 0) void reply.code(503);
    return { status: failed.length > 0 ? 'unavailable' : 'ok', failed, checks };
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}
