import { DeviceView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { activeDevicesOf } from './active-devices';
import { Device, toDeviceView } from './device.entity';

@Injectable()
export class ListDevices {
  constructor(private readonly em: EntityManager) {}

  async execute(userId: string): Promise<DeviceView[]> {
    const em = this.em.fork();
    const devices = await em.find(Device, await activeDevicesOf(em, userId), {
      orderBy: { lastUsedAt: 'desc', createdAt: 'desc' },
    });
    return devices.map(toDeviceView);
  }
}
