import { CredentialsChange, ParsedRequestOf, SecondFactorHelpPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { DisableSecondFactor } from './disable-second-factor.usecase';

@Controller()
export class SecondFactorHandler {
  constructor(private readonly disableSecondFactor: DisableSecondFactor) {}

  @Handles(SecondFactorHelpPatterns.disableSecondFactor)
  disable(
    @Request(SecondFactorHelpPatterns.disableSecondFactor)
    payload: ParsedRequestOf<typeof SecondFactorHelpPatterns.disableSecondFactor>,
  ): Promise<CredentialsChange> {
    return this.disableSecondFactor.execute(payload);
  }
}
