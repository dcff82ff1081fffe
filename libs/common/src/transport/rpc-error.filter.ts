import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { DomainError, ErrorCode, RpcErrorPayload } from './rpc-error';

/** Turns whatever a message handler throws into the RPC error shape; hides unexpected errors. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(RpcErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (exception instanceof DomainError) return throwError(() => exception.toPayload());
    const pattern = host.switchToRpc().getContext()?.getSubject?.() ?? 'unknown';
    this.logger.error(`Unexpected failure handling ${pattern}`, exception instanceof Error ? exception.stack : exception);
    const payload: RpcErrorPayload = { code: ErrorCode.Internal, message: 'The service failed to handle the request.' };
    return throwError(() => payload);
  }
}
