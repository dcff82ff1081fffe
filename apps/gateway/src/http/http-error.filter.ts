import { DomainError, ErrorCode } from '@app/contracts';
import { outageOf, unavailableBecause } from '@app/platform';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { browserErrorPage, ERROR_PAGE_HEADERS, isBrowserNavigation } from './browser-error-page';
import { statusOfError } from './error-status';
import { frenchMessageOf } from './french-messages';
import { requestLanguage } from './request-language';

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

/** Fastify's own refusals (body too large, bad Content-Length…) carry a 4xx status. */
function isFastifyRefusal(exception: unknown): exception is Error & { code: string; statusCode: number } {
  const { code, statusCode } = exception as { code?: unknown; statusCode?: unknown };
  return typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number' && statusCode < 500;
}

/**
 * Every error leaves the gateway as `{ error, message }`: never a stack trace.
 * Redis or NATS out of reach is 503 `unavailable` with Retry-After, like a
 * service that does not answer: the request may succeed in a moment.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const error = this.toDomainError(exception);
    // The contract (the OpenAPI at /docs-json, after API.md) gives one code two statuses: a PIN of the wrong shape (422) and a wrong PIN (401).
    const status = error.details?.malformed === true ? 422 : statusOfError[error.code];
    if (status >= 500 && error.code !== ErrorCode.Unavailable) this.logger.error(exception);
    if (error.code === ErrorCode.Unavailable) reply.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
    const language = requestLanguage(request);
    const message = language === 'fr' ? frenchMessageOf(error) : error.message;
    if (isBrowserNavigation(request)) {
      void reply.code(status).headers(ERROR_PAGE_HEADERS).send(browserErrorPage(language, message));
      return;
    }
    void reply.code(status).send({ error: error.code, message, ...publicDetails(error) });
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
    if (isFastifyRefusal(exception)) {
      return new DomainError(codeOfHttpStatus[exception.statusCode] ?? ErrorCode.ValidationFailed, exception.message);
    }
    return new DomainError(ErrorCode.Internal, 'Something went wrong on our side.');
  }
}

/** Only details meant for front ends leave the gateway: never internal reasons. */
function publicDetails(error: DomainError): Record<string, unknown> {
  const { attemptsLeft, issues, reason, needs } = error.details ?? {};
  return {
    ...(attemptsLeft !== undefined && { attemptsLeft }),
    ...(issues !== undefined && { issues }),
    ...(needs !== undefined && error.code === ErrorCode.ReauthenticationRequired && { needs }),
    ...(reason !== undefined && error.code === ErrorCode.WeakPassword && { reason }),
  };
}
