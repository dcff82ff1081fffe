import { DevicePatterns, DomainError, ErrorCode, ParsedRequestOf, UnlockedDevice } from '@app/contracts';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { signatureMatches } from './biometric-key';
import { pinMatches, secretMatches } from './device-secret';
import { Device, MAX_WRONG_PINS } from './device.entity';

type UnlockRequest = ParsedRequestOf<typeof DevicePatterns.unlock>;
type ByPin = Extract<UnlockRequest, { pin: string }>;
type BySignature = Extract<UnlockRequest, { signature: string }>;

/** With the device's user, so that the gateway can end the access tokens the device still holds. */
const deviceRevoked = (userId: string) => new DomainError(ErrorCode.DeviceRevoked, 'This device was signed out: sign in again.', { userId });

@Injectable()
export class UnlockDevice {
  constructor(private readonly em: EntityManager) {}

  /**
   * Opens the app with the device secret and either the PIN or a biometric signature.
   * @throws DomainError invalid_credentials, device_revoked, credentials_changed,
   * invalid_pin with details { attemptsLeft }, invalid_signature
   */
  async execute(request: UnlockRequest): Promise<UnlockedDevice> {
    // Refusals are returned by the transaction rather than thrown in it: a counted wrong PIN must be committed.
    const outcome = await this.em.fork().transactional((tx) => this.attempt(tx, request));
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  private async attempt(tx: EntityManager, request: UnlockRequest): Promise<UnlockedDevice | DomainError> {
    // Locked, so that wrong PINs sent at once are counted one after another and the fifth one revokes.
    const device = await tx.findOne(Device, request.deviceId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!device || !secretMatches(request.deviceSecret, device.secretHash)) {
      return new DomainError(ErrorCode.InvalidCredentials, 'This device is not recognised: sign in again.');
    }
    if (device.revokedAt) return deviceRevoked(device.user.id);
    const user = await device.user.loadOrFail();
    // Left unrevoked, so that it keeps giving this answer; active-devices keeps it off the user's list.
    if (device.credentialVersion < user.credentialVersion) {
      const message = 'Your credentials changed since this device was set up: sign in again.';
      return new DomainError(ErrorCode.CredentialsChanged, message);
    }
    const refusal = 'pin' in request ? this.checkPin(device, request) : this.checkSignature(device, request);
    if (refusal) return refusal;
    device.recordUse();
    const { id: deviceId, lastCompanyId, credentialVersion, factors } = device;
    return { userId: user.id, deviceId, lastCompanyId, credentialVersion, factors };
  }

  private checkPin(device: Device, { deviceSecret, pin }: ByPin): DomainError | null {
    if (pinMatches(deviceSecret, pin, device.pinVerifier)) {
      device.resetWrongPins();
      return null;
    }
    if (device.countWrongPin()) return deviceRevoked(device.user.id);
    return new DomainError(ErrorCode.InvalidPin, 'The PIN is incorrect.', {
      attemptsLeft: MAX_WRONG_PINS - device.failedPins,
    });
  }

  /** The gateway has already spent the challenge; a failed signature does not count as a wrong PIN. */
  private checkSignature(device: Device, { challenge, signature }: BySignature): DomainError | null {
    if (device.publicKey && signatureMatches(device.publicKey, challenge, signature)) return null;
    return new DomainError(ErrorCode.InvalidSignature, 'Biometric unlock failed: use your PIN.');
  }
}
