import { DomainError, ErrorCode, Id } from '@app/contracts';
import { PipeTransform } from '@nestjs/common';

/**
 * An id in a path, as the contracts read ids (`Id`: lowercased); anything
 * else names nothing, the route's 404. Lowercased, since the gateway compares
 * ids as text (a device's tokens are found by its id): a device named in
 * capitals was revoked in Postgres, where the case does not count, while
 * its access tokens lived on.
 */
export class IdParam implements PipeTransform<string, string> {
  constructor(private readonly unknown: string) {}

  transform(value: string): string {
    const id = Id.safeParse(value);
    if (!id.success) throw new DomainError(ErrorCode.NotFound, this.unknown);
    return id.data;
  }
}
