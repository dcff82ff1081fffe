import { DomainError, ErrorCode } from '@app/contracts';
import { ParseUUIDPipe } from '@nestjs/common';

/** An id that is not even a uuid names no member: the same 404 as an unknown one. */
export const memberId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.NotFound, 'No such member.') });
