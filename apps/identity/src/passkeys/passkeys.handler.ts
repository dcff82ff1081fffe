import { ParsedRequestOf, PasskeyCredential, PasskeyPatterns, PasskeyUse, PasskeyView } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { FindPasskey } from './find-passkey.usecase';
import { CountPasskeys, ListPasskeys } from './list-passkeys.usecase';
import { RecordPasskeyUse } from './record-passkey-use.usecase';
import { RegisterPasskey } from './register-passkey.usecase';
import { PasskeyRemoval } from './passkey-removal.usecase';
import { RemovePasskey } from './remove-passkey.usecase';
import { RenamePasskey } from './rename-passkey.usecase';

type Parsed<K extends keyof typeof PasskeyPatterns> = ParsedRequestOf<(typeof PasskeyPatterns)[K]>;

@Controller()
export class PasskeysHandler {
  constructor(
    private readonly registerPasskey: RegisterPasskey,
    private readonly listPasskeys: ListPasskeys,
    private readonly countPasskeys: CountPasskeys,
    private readonly findPasskey: FindPasskey,
    private readonly recordPasskeyUse: RecordPasskeyUse,
    private readonly renamePasskey: RenamePasskey,
    private readonly removePasskey: RemovePasskey,
    private readonly passkeyRemoval: PasskeyRemoval,
  ) {}

  @Handles(PasskeyPatterns.register)
  register(@Request(PasskeyPatterns.register) request: Parsed<'register'>): Promise<PasskeyView> {
    return this.registerPasskey.execute(request);
  }

  @Handles(PasskeyPatterns.list)
  list(@Request(PasskeyPatterns.list) request: Parsed<'list'>): Promise<PasskeyView[]> {
    return this.listPasskeys.execute(request);
  }

  @Handles(PasskeyPatterns.countOfUser)
  countOfUser(@Request(PasskeyPatterns.countOfUser) { userId }: Parsed<'countOfUser'>): Promise<{ passkeys: number }> {
    return this.countPasskeys.execute(userId);
  }

  @Handles(PasskeyPatterns.find)
  find(@Request(PasskeyPatterns.find) request: Parsed<'find'>): Promise<PasskeyCredential> {
    return this.findPasskey.execute(request);
  }

  @Handles(PasskeyPatterns.recordUse)
  recordUse(@Request(PasskeyPatterns.recordUse) request: Parsed<'recordUse'>): Promise<PasskeyUse> {
    return this.recordPasskeyUse.execute(request);
  }

  @Handles(PasskeyPatterns.rename)
  rename(@Request(PasskeyPatterns.rename) request: Parsed<'rename'>): Promise<PasskeyView> {
    return this.renamePasskey.execute(request);
  }

  @Handles(PasskeyPatterns.remove)
  remove(@Request(PasskeyPatterns.remove) request: Parsed<'remove'>): Promise<{ credentialId: string }> {
    return this.removePasskey.execute(request);
  }

  @Handles(PasskeyPatterns.removeAllOfUser)
  removeAllOfUser(@Request(PasskeyPatterns.removeAllOfUser) request: Parsed<'removeAllOfUser'>): Promise<{ removed: number }> {
    return this.passkeyRemoval.all(request);
  }
}
