import { Entity, ManyToOne, PrimaryKey, Property, ref, Ref } from '@mikro-orm/core';
import { DeviceView, ProvenFactor } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';
import { DeviceVerifiers } from './device-secret';

export type DevicePlatform = DeviceView['platform'];

/** A wrong PIN this many times in a row revokes the device: 5 guesses out of 10,000. */
export const MAX_WRONG_PINS = 5;

/**
 * A right PIN ends a run of wrong ones, so whoever copied the device's
 * secret could guess four at a time between its owner's unlocks, with no
 * end. Wrong PINs are also counted over a month that a right one does not
 * reset, and this many revoke the device: a guesser gets 10 a month instead
 * of 4 per unlock of hers, and her own typos rarely come to 10 in a month.
 */
export const MAX_WRONG_PINS_A_MONTH = 10;

/**
 * A mobile app bound to a user. Its secret is kept only as a SHA-256, and the PIN
 * only as an HMAC keyed by that secret, so this row alone cannot test PINs.
 */
@Entity({ tableName: 'devices' })
export class Device {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user: Ref<User>;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  platform: DevicePlatform;

  @Property({ type: 'text', unique: true })
  secretHash: string;

  @Property({ type: 'text' })
  pinVerifier: string;

  /** EC P-256 SPKI, base64 DER: set when the user turns biometrics on. */
  @Property({ type: 'text', nullable: true })
  publicKey: string | null = null;

  /** The user's credential version at registration; an older one than the user's means "sign in again". */
  @Property({ type: 'integer' })
  credentialVersion: number;

  /** What the sign-in that registered the device proved; a device never proves more later: it signs in again. */
  @Property({ type: 'text[]' })
  factors: ProvenFactor[];

  /** Wrong PINs in a row: a right PIN ends the run. */
  @Property({ type: 'integer' })
  failedPins = 0;

  /** Wrong PINs since `recentWrongPinsSince`, a month at most: a right PIN leaves them. */
  @Property({ type: 'integer' })
  recentWrongPins = 0;

  /** The first wrong PIN of the month counted in `recentWrongPins`; a wrong PIN after that month starts a new one. */
  @Property({ type: 'timestamptz', nullable: true })
  recentWrongPinsSince: Date | null = null;

  /** A tenancy company id; no foreign key, as the company lives in another service. */
  @Property({ type: 'uuid', nullable: true })
  lastCompanyId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  lastUsedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  constructor(user: User, secrets: DeviceVerifiers, name: string, platform: DevicePlatform, factors: ProvenFactor[]) {
    this.factors = factors;
    this.user = ref(user);
    this.credentialVersion = user.credentialVersion;
    this.secretHash = secrets.secretHash;
    this.pinVerifier = secrets.pinVerifier;
    this.name = name;
    this.platform = platform;
  }
}

export function toDeviceView(device: Device): DeviceView {
  return {
    id: device.id,
    name: device.name,
    platform: device.platform,
    createdAt: device.createdAt.toISOString(),
    lastUsedAt: device.lastUsedAt.toISOString(),
    biometrics: device.publicKey !== null,
    factors: device.factors,
  };
}
