import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { outageOf, unavailableBecause } from '../resilience/outage';
import { DomainError, ErrorCode, RpcErrorPayload } from '@app/contracts';

/**
 * Turns whatever a message handler throws into the RPC error shape: a
 * dependency out of reach becomes `unavailable` (the caller may try again),
 * any other unexpected error is hidden as `internal`.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(RpcErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (exception instanceof DomainError) return throwError(() => exception.toPayload());
    const pattern = host.switchToRpc().getContext()?.getSubject?.() ?? 'unknown';
    const outage = outageOf(exception);
    if (outage) {
      // One line without a stack: an outage is an operations matter, not a bug.
      this.logger.warn(`${pattern} failed: ${outage.dependency} is out of reach (${outage.reason})`);
      return throwError(() => unavailableBecause(outage).toPayload());
    }
    this.logger.error(`Unexpected failure handling ${pattern}`, exception instanceof Error ? exception.stack : exception);
    const payload: RpcErrorPayload = { code: ErrorCode.Internal, message: 'The service failed to handle the request.' };
    return throwError(() => payload);
  }
}
