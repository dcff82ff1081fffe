import { CredentialsChange, IdentityPatterns, ParsedRequestOf, UserView } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { ChangePassword } from './change-password.usecase';
import { ForgotPassword } from './forgot-password.usecase';
import { ResetPassword } from './reset-password.usecase';
import { RevokeCredentials } from './revoke-credentials.usecase';
import { RevokeResetLinks } from './revoke-reset-links.usecase';
import { VerifyPassword } from './verify-password.usecase';

@Controller()
export class CredentialsHandler {
  constructor(
    private readonly verifyPassword: VerifyPassword,
    private readonly changePassword: ChangePassword,
    private readonly forgotPassword: ForgotPassword,
    private readonly resetPassword: ResetPassword,
    private readonly revokeCredentials: RevokeCredentials,
    private readonly revokeResetLinks: RevokeResetLinks,
  ) {}

  @Handles(IdentityPatterns.verifyPassword)
  verify(
    @Request(IdentityPatterns.verifyPassword) request: ParsedRequestOf<typeof IdentityPatterns.verifyPassword>,
  ): Promise<UserView> {
    return this.verifyPassword.execute(request);
  }

  @Handles(IdentityPatterns.changePassword)
  change(
    @Request(IdentityPatterns.changePassword) request: ParsedRequestOf<typeof IdentityPatterns.changePassword>,
  ): Promise<CredentialsChange> {
    return this.changePassword.execute(request);
  }

  @Handles(IdentityPatterns.forgotPassword)
  async forgot(
    @Request(IdentityPatterns.forgotPassword) request: ParsedRequestOf<typeof IdentityPatterns.forgotPassword>,
  ): Promise<Record<string, never>> {
    await this.forgotPassword.execute(request);
    return {};
  }

  @Handles(IdentityPatterns.resetPassword)
  reset(
    @Request(IdentityPatterns.resetPassword) request: ParsedRequestOf<typeof IdentityPatterns.resetPassword>,
  ): Promise<CredentialsChange & { activated: boolean }> {
    return this.resetPassword.execute(request);
  }

  @Handles(IdentityPatterns.revokeCredentials)
  revoke(
    @Request(IdentityPatterns.revokeCredentials)
    request: ParsedRequestOf<typeof IdentityPatterns.revokeCredentials>,
  ): Promise<CredentialsChange> {
    return this.revokeCredentials.execute(request);
  }

  @Handles(IdentityPatterns.revokeResetLinks)
  async revokeLinks(
    @Request(IdentityPatterns.revokeResetLinks) { userId }: ParsedRequestOf<typeof IdentityPatterns.revokeResetLinks>,
  ): Promise<Record<string, never>> {
    await this.revokeResetLinks.execute(userId);
    return {};
  }
}
