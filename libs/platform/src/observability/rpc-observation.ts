import { context, SpanKind } from '@opentelemetry/api';
import { outageOf } from '../resilience/outage';
import { DomainError, ErrorCode } from '@app/contracts';
import { natsRequests, natsRequestSeconds } from './metrics';
import { endSpan, inSpan } from './spans';

/**
 * The error code a NATS exchange ended with (else `ok`): a small, fixed set of
 * label values. An unexpected error is named as the RPC error filter answers it.
 */
function outcomeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  return outageOf(error) ? ErrorCode.Unavailable : ErrorCode.Internal;
}

/** Times one request to a service, retries included, counts its outcome, and traces it as a client span. */
export function observeRpc<T>(pattern: string, exchange: () => Promise<T>): Promise<T> {
  const stopTimer = natsRequestSeconds.startTimer({ pattern });
  return inSpan(pattern, SpanKind.CLIENT, context.active(), async (span) => {
    let outcome = 'ok';
    try {
      return await exchange();
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      stopTimer({ outcome });
      natsRequests.inc({ pattern, outcome });
      endSpan(span, outcome);
    }
  });
}
