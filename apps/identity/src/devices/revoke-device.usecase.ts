import { DevicePatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { activeDevicesOf, noSuchDevice } from './active-devices';
import { Device } from './device.entity';

@Injectable()
export class RevokeDevice {
  constructor(private readonly em: EntityManager) {}

  /**
   * The row stays, so that the device answers device_revoked rather than an unknown device.
   * @throws DomainError not_found unless it is the user's own active device
   */
  async execute({ userId, deviceId }: ParsedRequestOf<typeof DevicePatterns.revoke>): Promise<void> {
    const em = this.em.fork();
    const filter = { id: deviceId, ...(await activeDevicesOf(em, userId)) };
    const revoked = await em.nativeUpdate(Device, filter, { revokedAt: new Date() });
    if (revoked === 0) throw noSuchDevice();
  }
}
