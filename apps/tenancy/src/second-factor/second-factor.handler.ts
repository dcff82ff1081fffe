import { Handles, ParsedRequestOf, Request, SecondFactorHelpPatterns } from '@app/common';
import { Controller } from '@nestjs/common';
import { DisableSecondFactor } from './disable-second-factor.usecase';

@Controller()
export class SecondFactorHandler {
  constructor(private readonly disableSecondFactor: DisableSecondFactor) {}

  @Handles(SecondFactorHelpPatterns.disableSecondFactor)
  async disable(
    @Request(SecondFactorHelpPatterns.disableSecondFactor)
    payload: ParsedRequestOf<typeof SecondFactorHelpPatterns.disableSecondFactor>,
  ): Promise<Record<string, never>> {
    await this.disableSecondFactor.execute(payload);
    return {};
  }
}
