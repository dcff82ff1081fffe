import { EnsuredUser, IdentityPatterns, ParsedRequestOf, UserView } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { ActivateUser } from './activate-user.usecase';
import { EnsureUser } from './ensure-user.usecase';
import { FindUsers } from './find-users.usecase';
import { GetUser } from './get-user.usecase';
import { SetLanguage } from './set-language.usecase';

@Controller()
export class UsersHandler {
  constructor(
    private readonly ensureUser: EnsureUser,
    private readonly activateUser: ActivateUser,
    private readonly getUser: GetUser,
    private readonly findUsers: FindUsers,
    private readonly setLanguage: SetLanguage,
  ) {}

  @Handles(IdentityPatterns.ensureUser)
  ensure(
    @Request(IdentityPatterns.ensureUser) request: ParsedRequestOf<typeof IdentityPatterns.ensureUser>,
  ): Promise<EnsuredUser> {
    return this.ensureUser.execute(request);
  }

  @Handles(IdentityPatterns.activationOf)
  activationOf(
    @Request(IdentityPatterns.activationOf) { token, password }: ParsedRequestOf<typeof IdentityPatterns.activationOf>,
  ): Promise<{ userId: string; companyId: string | null }> {
    return this.activateUser.linkOf(token, password);
  }

  @Handles(IdentityPatterns.activate)
  activate(
    @Request(IdentityPatterns.activate) request: ParsedRequestOf<typeof IdentityPatterns.activate>,
  ): Promise<{ userId: string }> {
    return this.activateUser.execute(request);
  }

  @Handles(IdentityPatterns.getUser)
  get(
    @Request(IdentityPatterns.getUser) { userId }: ParsedRequestOf<typeof IdentityPatterns.getUser>,
  ): Promise<UserView> {
    return this.getUser.execute(userId);
  }

  @Handles(IdentityPatterns.findUsers)
  findMany(
    @Request(IdentityPatterns.findUsers) { userIds }: ParsedRequestOf<typeof IdentityPatterns.findUsers>,
  ): Promise<UserView[]> {
    return this.findUsers.execute(userIds);
  }

  @Handles(IdentityPatterns.setLanguage)
  async language(
    @Request(IdentityPatterns.setLanguage) request: ParsedRequestOf<typeof IdentityPatterns.setLanguage>,
  ): Promise<Record<string, never>> {
    await this.setLanguage.execute(request);
    return {};
  }
}
