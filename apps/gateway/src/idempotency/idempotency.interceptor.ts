import { assertThat, DomainError, ErrorCode } from '@app/contracts';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { IdempotencySlot, IdempotencyStore, KeyUse } from './idempotency-store';
import { IDEMPOTENT_CALLER, IdempotentCaller } from './idempotent-caller';
import { digestOf } from '../digest';

/** A structured-field string (`"…"`, as the draft writes it) or the bare value most clients send. */
const KEY = /^"?([\x21\x23-\x7e]{1,255})"?$/;

/**
 * The `Idempotency-Key` header (IETF HTTPAPI draft): a write sent again with
 * the same key and body gets the first answer, and is not applied again; with
 * another body, `422 idempotency_key_reused`; while the first is still under
 * way, `409 idempotency_key_in_flight`. A failed write keeps nothing, so its
 * retry is applied. Without the header, nothing changes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    const caller = this.reflector.get<IdempotentCaller>(IDEMPOTENT_CALLER, context.getHandler());
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.once(request, reply, new IdempotencySlot(callerOf(caller, request), keyOf(header)), next));
  }

  private async once(request: FastifyRequest, reply: FastifyReply, slot: IdempotencySlot, next: CallHandler): Promise<unknown> {
    // The route as well as the body: a key sent to another route is another body.
    const fingerprint = digestOf(JSON.stringify([request.method, request.url, request.body ?? null]));
    const earlier = await this.store.claim(slot, fingerprint);
    if (earlier) return replay(reply, earlier.fingerprint === fingerprint, earlier.answer);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store.keepAnswer(slot, fingerprint, { status: reply.statusCode, body: body ?? null });
      return body;
    } catch (error) {
      await this.store.release(slot).catch(() => undefined);
      throw error;
    }
  }
}

function keyOf(header: string | string[]): string {
  const match = typeof header === 'string' ? KEY.exec(header) : null;
  assertThat(match, ErrorCode.ValidationFailed, 'Idempotency-Key must be one string of 1 to 255 visible characters.');
  return match[1];
}

/** Whose keys these are: the operator's, or one admin's of one company. */
function callerOf(caller: IdempotentCaller, request: FastifyRequest): string {
  if (caller === 'operator') return 'operator';
  const { companyId, userId } = request.auth!.record;
  return `company:${companyId}:user:${userId}`;
}

function replay(reply: FastifyReply, sameRequest: boolean, answer: KeyUse['answer']): unknown {
  if (!sameRequest) {
    throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used with another request: use a new key.');
  }
  if (!answer) {
    throw new DomainError(ErrorCode.IdempotencyKeyInFlight, 'A request with this Idempotency-Key is still under way: retry later.');
  }
  reply.status(answer.status);
  reply.header('idempotent-replayed', 'true');
  return answer.status === 204 ? undefined : answer.body;
}
