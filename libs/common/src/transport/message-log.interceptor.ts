import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Observable, finalize } from 'rxjs';
import { REQUEST_ID_HEADER, requestContext } from '../observability/request-context';

/**
 * Runs each message handler in the scope of the request it serves (its id comes
 * from the message headers, so one request can be followed from the gateway into
 * every service), and logs one debug line per message: which replica did the work.
 */
@Injectable()
export class MessageLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger('messages');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const nats = context.switchToRpc().getContext<NatsContext>();
    const requestId = nats.getHeaders()?.get(REQUEST_ID_HEADER) || randomUUID();
    const started = performance.now();
    return new Observable((subscriber) =>
      requestContext.run({ requestId }, () =>
        next
          .handle()
          .pipe(finalize(() => this.logger.debug(`handled ${nats.getSubject()} in ${(performance.now() - started).toFixed(1)} ms`)))
          .subscribe(subscriber),
      ),
    );
  }
}
