import { IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { CheckLink } from './check-link.usecase';

@Controller()
export class LinksHandler {
  constructor(private readonly checkLink: CheckLink) {}

  @Handles(IdentityPatterns.checkLink)
  check(@Request(IdentityPatterns.checkLink) request: ParsedRequestOf<typeof IdentityPatterns.checkLink>): Promise<{ usable: boolean }> {
    return this.checkLink.execute(request);
  }
}
