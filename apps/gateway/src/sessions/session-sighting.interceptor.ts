import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { SessionSightings } from './session-sightings';

/**
 * Notes the browser and address of every signed-in web request (after the
 * session guard has run), for the sessions page. A failed write loses a
 * label, never the answer.
 */
@Injectable()
export class SessionSightingInterceptor implements NestInterceptor {
  private readonly logger = new Logger(SessionSightingInterceptor.name);

  constructor(private readonly sightings: SessionSightings) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const session = request.auth;
    if (session?.record.kind !== 'web') return next.handle();
    // Awaited, so that the sessions page lists the browser it is asked from; written only on a change.
    const noted = this.sightings.record(session.id, request.headers['user-agent'], request.ip).catch((error: Error) => {
      this.logger.warn(`Could not note the session's browser: ${error.message}`);
    });
    return from(noted).pipe(switchMap(() => next.handle()));
  }
}
