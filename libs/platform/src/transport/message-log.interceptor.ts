import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { SpanKind } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import { Observable, finalize, tap } from 'rxjs';
import { natsMessageSeconds, natsMessagesHandled } from '../observability/metrics';
import { REQUEST_ID_HEADER, requestContext } from '../observability/request-context';
import { outcomeOf } from '../observability/rpc-observation';
import { endSpan, inSpan, traceContextOf } from '../observability/spans';

/**
 * Runs each message handler in the scope of the request it serves (its id and
 * trace context come from the message headers, so one request can be followed
 * from the gateway into every service), counts and times it by pattern and
 * outcome, and logs one debug line per message: which replica did the work.
 */
@Injectable()
export class MessageLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger('messages');

  /** @param namespace the subject prefix, left out of metric labels so that they name the pattern. */
  constructor(private readonly namespace = '') {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const nats = context.switchToRpc().getContext<NatsContext>();
    const subject = nats.getSubject();
    const pattern = this.namespace && subject.startsWith(`${this.namespace}.`) ? subject.slice(this.namespace.length + 1) : subject;
    const headers = nats.getHeaders();
    const requestId = headers?.get(REQUEST_ID_HEADER) || randomUUID();
    const stopTimer = natsMessageSeconds.startTimer({ pattern });
    let outcome = 'ok';
    return new Observable((subscriber) =>
      requestContext.run({ requestId }, () =>
        inSpan(pattern, SpanKind.SERVER, traceContextOf(headers), (span) =>
          next
            .handle()
            .pipe(
              tap({ error: (error: unknown) => (outcome = outcomeOf(error)) }),
              finalize(() => {
                const seconds = stopTimer({ outcome });
                natsMessagesHandled.inc({ pattern, outcome });
                endSpan(span, outcome);
                this.logger.debug({ msg: `handled ${subject} in ${(seconds * 1000).toFixed(1)} ms`, outcome });
              }),
            )
            .subscribe(subscriber),
        ),
      ),
    );
  }
}
