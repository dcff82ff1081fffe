import { DevicePatterns, DomainError, ErrorCode, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { SecurityAlerts } from '../security-alerts/security-alerts';
import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';
import { Device } from './device.entity';
import { newDeviceSecrets } from './device-secret';

@Injectable()
export class RegisterDevice {
  constructor(
    private readonly em: EntityManager,
    private readonly alerts: SecurityAlerts,
  ) {}

  /**
   * The device secret is returned once and kept only as a hash.
   * @throws DomainError not_found unless the user exists and is active;
   * credentials_changed when the password changed since the user signed in
   */
  async execute(
    request: ParsedRequestOf<typeof DevicePatterns.register>,
  ): Promise<{ deviceId: string; deviceSecret: string }> {
    const { userId, credentialVersion, name, platform, pin, factors } = request;
    const em = this.em.fork();
    const user = await em.findOne(User, userId);
    if (!user?.activatedAt) throw new DomainError(ErrorCode.NotFound, 'No such user.');
    if (user.credentialVersion !== credentialVersion) {
      throw new DomainError(ErrorCode.CredentialsChanged, 'Your password changed since you signed in: sign in again.');
    }
    const { deviceSecret, ...secrets } = newDeviceSecrets(pin);
    const device = new Device(user, secrets, name, platform, factors);
    // The device and its alert commit together.
    await em.transactional(async (tx) => {
      tx.persist(device);
      await this.alerts.record(tx, user, { kind: 'device_registered', device: name });
    });
    this.alerts.sendSoon();
    return { deviceId: device.id, deviceSecret };
  }
}
