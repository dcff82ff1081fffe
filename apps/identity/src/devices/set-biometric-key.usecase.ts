import { DevicePatterns, DomainError, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { noSuchDevice } from './active-devices';
import { parseBiometricKey } from './biometric-key';
import { UnlockDevice } from './unlock-device.usecase';

const SET_KEY = `update identity.devices set public_key = ? where id = ?`;

@Injectable()
export class SetBiometricKey {
  constructor(
    private readonly em: EntityManager,
    private readonly unlock: UnlockDevice,
  ) {}

  /**
   * A new key replaces the previous one, as when biometrics are enrolled
   * again on the phone. It takes the PIN, as an unlock does, and in the same
   * transaction: whoever copied the device's secret and an access token, but
   * not the PIN, would otherwise put a key of their own and open the app
   * with it at will. A wrong PIN counts towards the device's revocation.
   * @throws DomainError validation_failed, not_found, and the unlock's refusals by PIN
   */
  async execute(request: ParsedRequestOf<typeof DevicePatterns.setBiometricKey>): Promise<void> {
    const publicKey = parseBiometricKey(request.publicKey);
    const { userId, deviceId, deviceSecret, pin } = request;
    const connection = this.em.getConnection();
    // Refusals are returned by the transaction rather than thrown in it: a counted wrong PIN must be committed.
    const refusal = await connection.transactional(async (trx) => {
      const unlocked = await this.unlock.attempt(trx, { deviceId, deviceSecret, pin });
      if (unlocked instanceof DomainError) return unlocked;
      if (unlocked.userId !== userId) return noSuchDevice();
      await connection.execute(SET_KEY, [publicKey, deviceId], 'run', trx);
      return null;
    });
    if (refusal) throw refusal;
  }
}
