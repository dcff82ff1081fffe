import { MfaPatterns, ParsedRequestOf, TotpEnrolment } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { BeginEnrolment } from './begin-enrolment.usecase';
import { ConfirmEnrolment } from './confirm-enrolment.usecase';
import { RegenerateRecoveryCodes } from '../recovery-codes/regenerate-recovery-codes.usecase';
import { FactorStatus } from './factor-status.usecase';
import { RemoveFactor } from './remove-factor.usecase';
import { SecondFactorMethod, VerifySecondFactor } from './verify-second-factor.usecase';

@Controller()
export class TotpHandler {
  constructor(
    private readonly beginEnrolment: BeginEnrolment,
    private readonly confirmEnrolment: ConfirmEnrolment,
    private readonly regenerateRecoveryCodes: RegenerateRecoveryCodes,
    private readonly verifySecondFactor: VerifySecondFactor,
    private readonly factorStatus: FactorStatus,
    private readonly removeFactor: RemoveFactor,
  ) {}

  @Handles(MfaPatterns.beginEnrolment)
  begin(
    @Request(MfaPatterns.beginEnrolment) request: ParsedRequestOf<typeof MfaPatterns.beginEnrolment>,
  ): Promise<TotpEnrolment> {
    return this.beginEnrolment.execute(request);
  }

  @Handles(MfaPatterns.confirmEnrolment)
  confirm(
    @Request(MfaPatterns.confirmEnrolment) request: ParsedRequestOf<typeof MfaPatterns.confirmEnrolment>,
  ): Promise<{ recoveryCodes: string[] }> {
    return this.confirmEnrolment.execute(request);
  }

  @Handles(MfaPatterns.regenerateRecoveryCodes)
  regenerate(
    @Request(MfaPatterns.regenerateRecoveryCodes) { userId }: ParsedRequestOf<typeof MfaPatterns.regenerateRecoveryCodes>,
  ): Promise<{ recoveryCodes: string[] }> {
    return this.regenerateRecoveryCodes.execute(userId);
  }

  @Handles(MfaPatterns.verify)
  verify(
    @Request(MfaPatterns.verify) answer: ParsedRequestOf<typeof MfaPatterns.verify>,
  ): Promise<{ method: SecondFactorMethod }> {
    return this.verifySecondFactor.execute(answer);
  }

  @Handles(MfaPatterns.factorStatus)
  status(
    @Request(MfaPatterns.factorStatus) { userId }: ParsedRequestOf<typeof MfaPatterns.factorStatus>,
  ): Promise<{ enabled: boolean }> {
    return this.factorStatus.execute(userId);
  }

  @Handles(MfaPatterns.removeFactor)
  remove(
    @Request(MfaPatterns.removeFactor) { userId, alert, confirmedSince }: ParsedRequestOf<typeof MfaPatterns.removeFactor>,
  ): Promise<{ removed: boolean }> {
    return this.removeFactor.execute(userId, alert, confirmedSince === undefined ? undefined : new Date(confirmedSince));
  }
}
