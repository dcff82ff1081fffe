import { DevicePatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { activeDevicesOf, noSuchDevice } from './active-devices';
import { parseBiometricKey } from './biometric-key';
import { Device } from './device.entity';

@Injectable()
export class SetBiometricKey {
  constructor(private readonly em: EntityManager) {}

  /**
   * A new key replaces the previous one, as when biometrics are enrolled again on the phone.
   * @throws DomainError validation_failed, not_found
   */
  async execute(request: ParsedRequestOf<typeof DevicePatterns.setBiometricKey>): Promise<void> {
    const publicKey = parseBiometricKey(request.publicKey);
    const em = this.em.fork();
    const filter = { id: request.deviceId, ...(await activeDevicesOf(em, request.userId)) };
    const updated = await em.nativeUpdate(Device, filter, { publicKey });
    if (updated === 0) throw noSuchDevice();
  }
}
