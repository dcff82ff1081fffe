import { DevicePatterns, DomainError, ErrorCode, ParsedRequestOf, ProvenFactor, UnlockedDevice } from '@app/contracts';
import { Transaction } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { signatureMatches } from './biometric-key';
import { pinMatches, secretHashOf } from './device-secret';
import { MAX_WRONG_PINS, MAX_WRONG_PINS_A_MONTH } from './device.entity';

type UnlockRequest = ParsedRequestOf<typeof DevicePatterns.unlock>;
type BySignature = Extract<UnlockRequest, { signature: string }>;

interface DeviceRow {
  id: string;
  user_id: string;
  pin_verifier: string;
  public_key: string | null;
  credential_version: number;
  factors: ProvenFactor[];
  last_company_id: string | null;
  revoked: boolean;
}

/**
 * Every opening of the app asks this: plain SQL, as loading the device and
 * its user into entities cost more than the statements (a third of
 * identity's time per unlock in the bench's profile). Locked, so that wrong
 * PINs sent at once are counted one after another and the fifth one revokes;
 * only with the right secret, so that a flood of wrong ones for her device's
 * id (which her firms' hosts list) takes no lock her own unlocks would wait
 * on. The secret's hash is compared in SQL: a SHA-256 of 256 random bits,
 * whose comparison's time tells nothing usable.
 */
const DEVICE_FOR_UNLOCK = `
  select id, user_id, pin_verifier, public_key, credential_version, factors,
         last_company_id, revoked_at is not null as revoked
  from identity.devices where id = ? and secret_hash = ? for update`;
/**
 * A statement of its own, after the lock: one statement reads every row as it
 * was when it began, so a password changed while it waited for the device
 * would go unseen.
 */
const USER_CREDENTIAL_VERSION = `select credential_version from identity.users where id = ?`;
/** Only a right PIN ends a run of wrong ones: a biometric unlock leaves the count. The month's count stays. */
const RECORD_USE = `update identity.devices set last_used_at = now(), failed_pins = case when ? then 0 else failed_pins end where id = ?`;
/**
 * The counts and the revocation decided in one place, the row: the answer is
 * read back from it. The month's count (MAX_WRONG_PINS_A_MONTH) runs from its
 * first wrong PIN; the first one after that month starts it again.
 */
const COUNT_WRONG_PIN = `
  with counted as (
    select id, failed_pins + 1 as in_a_row,
           case when month_open then recent_wrong_pins + 1 else 1 end as this_month,
           case when month_open then recent_wrong_pins_since else now() end as month_since
    from (select *, recent_wrong_pins_since > now() - interval '30 days' as month_open from identity.devices where id = ?) device)
  update identity.devices d set failed_pins = c.in_a_row, recent_wrong_pins = c.this_month, recent_wrong_pins_since = c.month_since,
         revoked_at = case when c.in_a_row >= ? or c.this_month >= ? then now() else d.revoked_at end
  from counted c where d.id = c.id
  returning d.failed_pins, d.recent_wrong_pins, d.revoked_at is not null as revoked`;

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
    const outcome = await this.em.getConnection().transactional((trx) => this.attempt(trx, request));
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /**
   * The unlock inside the caller's transaction, which must commit a refusal
   * returned (a counted wrong PIN): what setting a Face ID key checks too.
   */
  async attempt(trx: Transaction, request: UnlockRequest): Promise<UnlockedDevice | DomainError> {
    const connection = this.em.getConnection();
    const [device] = await connection.execute<DeviceRow[]>(DEVICE_FOR_UNLOCK, [request.deviceId, secretHashOf(request.deviceSecret)], 'all', trx);
    if (!device) {
      return new DomainError(ErrorCode.InvalidCredentials, 'This device is not recognised: sign in again.');
    }
    if (device.revoked) return deviceRevoked(device.user_id);
    // The device's lock holds off the user's deletion (it cascades to the device), so the user is there.
    const [user] = await connection.execute<{ credential_version: number }[]>(USER_CREDENTIAL_VERSION, [device.user_id], 'all', trx);
    // Left unrevoked, so that it keeps giving this answer; active-devices keeps it off the user's list.
    if (device.credential_version < user.credential_version) {
      return new DomainError(ErrorCode.CredentialsChanged, 'Your credentials changed since this device was set up: sign in again.');
    }
    if ('pin' in request && !pinMatches(request.deviceSecret, request.pin, device.pin_verifier)) {
      const [counted] = await connection.execute<{ failed_pins: number; recent_wrong_pins: number; revoked: boolean }[]>(
        COUNT_WRONG_PIN,
        [device.id, MAX_WRONG_PINS, MAX_WRONG_PINS_A_MONTH],
        'all',
        trx,
      );
      if (counted.revoked) return deviceRevoked(device.user_id);
      const attemptsLeft = Math.min(MAX_WRONG_PINS - counted.failed_pins, MAX_WRONG_PINS_A_MONTH - counted.recent_wrong_pins);
      return new DomainError(ErrorCode.InvalidPin, 'The PIN is incorrect.', { attemptsLeft });
    }
    if ('signature' in request && !this.signatureMatches(device, request)) {
      // The gateway has already spent the challenge; a failed signature does not count as a wrong PIN.
      return new DomainError(ErrorCode.InvalidSignature, 'Biometric unlock failed: use your PIN.');
    }
    await connection.execute(RECORD_USE, ['pin' in request, device.id], 'run', trx);
    return {
      userId: device.user_id,
      deviceId: device.id,
      lastCompanyId: device.last_company_id,
      credentialVersion: device.credential_version,
      factors: device.factors,
    };
  }

  private signatureMatches(device: DeviceRow, { challenge, signature }: BySignature): boolean {
    return device.public_key !== null && signatureMatches(device.public_key, challenge, signature);
  }
}
