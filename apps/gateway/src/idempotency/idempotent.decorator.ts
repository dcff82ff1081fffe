import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { IDEMPOTENT_CALLER, IdempotentCaller } from './idempotent-caller';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** The route accepts an `Idempotency-Key`: see IdempotencyInterceptor. */
export function Idempotent(caller: IdempotentCaller): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_CALLER, caller),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique value per write (a UUID), sent again with a retry: the same key and body within 24 hours get the first answer ' +
        '(with `Idempotent-Replayed: true`) and the write is not applied again; a failed write keeps nothing',
    }),
    ApiResponse({ status: 409, description: 'idempotency_key_in_flight: a request with this Idempotency-Key is still under way' }),
    ApiResponse({ status: 422, description: 'idempotency_key_reused: this Idempotency-Key was used with another request, or its first answer can no longer be read (altered in Redis)' }),
  );
}
