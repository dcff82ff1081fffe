import { DomainError, ErrorCode } from '@app/contracts';
import { EntityManager, ObjectQuery } from '@mikro-orm/postgresql';
import { User } from '../users/user.entity';
import { Device } from './device.entity';

export const noSuchDevice = () => new DomainError(ErrorCode.NotFound, 'No such device.');

/**
 * The user's devices that still open the app: not revoked, and registered under
 * the current credentials. A password change thus takes every device off the
 * user's list at once, not only when each one next tries to unlock.
 */
export async function activeDevicesOf(em: EntityManager, userId: string): Promise<ObjectQuery<Device>> {
  const user = await em.findOne(User, userId);
  // An unknown user has no devices, whatever the version compared.
  const credentialVersion = user?.credentialVersion ?? 1;
  return { user: userId, revokedAt: null, credentialVersion: { $gte: credentialVersion } };
}
