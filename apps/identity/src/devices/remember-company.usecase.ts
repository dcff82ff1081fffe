import { DevicePatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { activeDevicesOf, noSuchDevice } from './active-devices';
import { Device } from './device.entity';

@Injectable()
export class RememberCompany {
  constructor(private readonly em: EntityManager) {}

  /**
   * The company is not checked here: membership belongs to tenancy, which the gateway asked before.
   * @throws DomainError not_found
   */
  async execute(request: ParsedRequestOf<typeof DevicePatterns.rememberCompany>): Promise<void> {
    const em = this.em.fork();
    const filter = { id: request.deviceId, ...(await activeDevicesOf(em, request.userId)) };
    const updated = await em.nativeUpdate(Device, filter, { lastCompanyId: request.companyId });
    if (updated === 0) throw noSuchDevice();
  }
}
