import { Logger } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { MsgHdrs } from 'nats';
import { randomUUID } from 'node:crypto';
import { ErrorCode, isRpcErrorPayload } from '@app/contracts';
import { natsMessageSeconds, natsMessagesHandled } from '../observability/metrics';
import { REQUEST_ID_HEADER, requestContext } from '../observability/request-context';
import { endSpan, inSpan, traceContextOf } from '../observability/spans';

const logger = new Logger('messages');

/** One message being handled, until its reply. */
export interface MessageObservation {
  /** @param error the error payload replied, if any; only the first call counts. */
  end(error?: unknown): void;
}

/**
 * Runs a message's handling in the scope of the request it serves (its id
 * and trace context come from the message headers, so that one request can
 * be followed from the gateway into every service), and, at its reply,
 * counts and times it by pattern and outcome and logs one debug line: which
 * replica did the work.
 * @param pattern the subject without its namespace: metric labels name the pattern.
 */
export function observeMessage<T>(subject: string, pattern: string, headers: MsgHdrs | undefined, handle: (observation: MessageObservation) => T): T {
  const requestId = headers?.get(REQUEST_ID_HEADER) || randomUUID();
  const stopTimer = natsMessageSeconds.startTimer({ pattern });
  return requestContext.run({ requestId }, () =>
    inSpan(pattern, SpanKind.SERVER, traceContextOf(headers), (span) => {
      let ended = false;
      return handle({
        end(error) {
          if (ended) return;
          ended = true;
          const outcome = error === undefined || error === null ? 'ok' : isRpcErrorPayload(error) ? error.code : ErrorCode.Internal;
          const seconds = stopTimer({ outcome });
          natsMessagesHandled.inc({ pattern, outcome });
          endSpan(span, outcome);
          logger.debug({ msg: `handled ${subject} in ${(seconds * 1000).toFixed(1)} ms`, outcome });
        },
      });
    }),
  );
}
