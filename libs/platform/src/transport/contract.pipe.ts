import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, ErrorCode } from '@app/contracts';

/** Validates a message payload with the shared schema where it enters a service. */
export class ContractPipe implements PipeTransform {
  constructor(private readonly schema: z.ZodType) {}

  transform(value: unknown): unknown {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The message does not match its contract.', {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    }
    return parsed.data;
  }
}
