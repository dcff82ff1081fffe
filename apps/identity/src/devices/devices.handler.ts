import { DevicePatterns, DeviceView, ParsedRequestOf, UnlockedDevice } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { ListDevices } from './list-devices.usecase';
import { RegisterDevice } from './register-device.usecase';
import { RememberCompany } from './remember-company.usecase';
import { RevokeDevice } from './revoke-device.usecase';
import { SetBiometricKey } from './set-biometric-key.usecase';
import { UnlockDevice } from './unlock-device.usecase';

@Controller()
export class DevicesHandler {
  constructor(
    private readonly registerDevice: RegisterDevice,
    private readonly setBiometricKey: SetBiometricKey,
    private readonly unlockDevice: UnlockDevice,
    private readonly rememberCompany: RememberCompany,
    private readonly listDevices: ListDevices,
    private readonly revokeDevice: RevokeDevice,
  ) {}

  @Handles(DevicePatterns.register)
  register(
    @Request(DevicePatterns.register) request: ParsedRequestOf<typeof DevicePatterns.register>,
  ): Promise<{ deviceId: string; deviceSecret: string }> {
    return this.registerDevice.execute(request);
  }

  @Handles(DevicePatterns.setBiometricKey)
  async setBiometrics(
    @Request(DevicePatterns.setBiometricKey) request: ParsedRequestOf<typeof DevicePatterns.setBiometricKey>,
  ): Promise<Record<string, never>> {
    await this.setBiometricKey.execute(request);
    return {};
  }

  @Handles(DevicePatterns.unlock)
  unlock(
    @Request(DevicePatterns.unlock) request: ParsedRequestOf<typeof DevicePatterns.unlock>,
  ): Promise<UnlockedDevice> {
    return this.unlockDevice.execute(request);
  }

  @Handles(DevicePatterns.rememberCompany)
  async remember(
    @Request(DevicePatterns.rememberCompany) request: ParsedRequestOf<typeof DevicePatterns.rememberCompany>,
  ): Promise<Record<string, never>> {
    await this.rememberCompany.execute(request);
    return {};
  }

  @Handles(DevicePatterns.list)
  list(@Request(DevicePatterns.list) { userId }: ParsedRequestOf<typeof DevicePatterns.list>): Promise<DeviceView[]> {
    return this.listDevices.execute(userId);
  }

  @Handles(DevicePatterns.revoke)
  async revoke(
    @Request(DevicePatterns.revoke) request: ParsedRequestOf<typeof DevicePatterns.revoke>,
  ): Promise<Record<string, never>> {
    await this.revokeDevice.execute(request);
    return {};
  }
}
