import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Observable, finalize } from 'rxjs';

/** One debug line per message a process handled: shows which replica of a service did the work. */
@Injectable()
export class MessageLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger('messages');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const subject = context.switchToRpc().getContext<NatsContext>().getSubject();
    const started = performance.now();
    return next.handle().pipe(finalize(() => this.logger.debug(`handled ${subject} in ${(performance.now() - started).toFixed(1)} ms`)));
  }
}
