import { DomainError, ErrorCode, outageOf, unavailableBecause } from '@app/common';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { statusOfError } from './error-status';
import { frenchMessageOf } from './french-messages';

/** Seconds a client should wait before retrying a service that is not answering. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

const codeOfHttpStatus: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.ValidationFailed,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.Unauthenticated,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UnsupportedMediaType,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.RateLimited,
};

/**
 * Every error leaves the gateway as `{ error, message }`: never a stack trace.
 * Redis or NATS out of reach is 503 `unavailable` with Retry-After, like a
 * service that does not answer: the request may succeed in a moment.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const error = this.toDomainError(exception);
    // API.md gives one code two statuses: a PIN of the wrong shape (422) and a wrong PIN (401).
    const status = error.details?.malformed === true ? 422 : statusOfError[error.code];
    if (status >= 500 && error.code !== ErrorCode.Unavailable) this.logger.error(exception);
    if (error.code === ErrorCode.Unavailable) response.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    const message = request.acceptsLanguages('en', 'fr') === 'fr' ? frenchMessageOf[error.code] : error.message;
    response.status(status).json({ error: error.code, message, ...publicDetails(error) });
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    const outage = outageOf(exception);
    if (outage) {
      this.logger.warn(`${outage.dependency} is out of reach: ${outage.reason}`);
      return unavailableBecause(outage);
    }
    if (exception instanceof HttpException) {
      const code = codeOfHttpStatus[exception.getStatus()];
      if (code) return new DomainError(code, exception.message);
    }
    return new DomainError(ErrorCode.Internal, 'Something went wrong on our side.');
  }
}

/** Only details meant for front ends leave the gateway: never internal reasons. */
function publicDetails(error: DomainError): Record<string, unknown> {
  const { attemptsLeft, issues, reason } = error.details ?? {};
  return {
    ...(attemptsLeft !== undefined && { attemptsLeft }),
    ...(issues !== undefined && { issues }),
    ...(reason !== undefined && error.code === ErrorCode.WeakPassword && { reason }),
  };
}
