import { CredentialsChange, ParsedRequestOf, SecondFactorHelpPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { DisableSecondFactor } from './disable-second-factor.usecase';
import { FactorOffNotices } from './factor-off-notices';

@Controller()
export class SecondFactorHandler {
  constructor(
    private readonly disableSecondFactor: DisableSecondFactor,
    private readonly notices: FactorOffNotices,
  ) {}

  @Handles(SecondFactorHelpPatterns.disableSecondFactor)
  disable(
    @Request(SecondFactorHelpPatterns.disableSecondFactor)
    payload: ParsedRequestOf<typeof SecondFactorHelpPatterns.disableSecondFactor>,
  ): Promise<CredentialsChange> {
    return this.disableSecondFactor.execute(payload);
  }

  @Handles(SecondFactorHelpPatterns.factorTurnedOff)
  async turnedOff(@Request(SecondFactorHelpPatterns.factorTurnedOff) { userId }: ParsedRequestOf<typeof SecondFactorHelpPatterns.factorTurnedOff>): Promise<Record<string, never>> {
    await this.notices.turnedOffByUser(userId);
    return {};
  }
}
