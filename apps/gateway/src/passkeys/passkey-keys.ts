import { PasskeyCredential } from '@app/contracts';
import { REDIS } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../session/redis-keys';
import { digestOf } from '../digest';

/** What never changes in a passkey's life: enough to verify its assertions, not to trust them (identity has the last word). */
export type PasskeyKey = Pick<PasskeyCredential, 'id' | 'userId' | 'credentialId' | 'publicKey'>;

/** As long as the known browsers: a client who signs in monthly still finds the key here. */
export const PASSKEY_KEY_SECONDS = 30 * 24 * 60 * 60;

/** A credential id may be 1,023 bytes long: the key holds a digest of it, with the RP ID, as a passkey is made for one. */
const keyOf = (rpId: string, credentialId: string) =>
  RedisKeys.passkeyKey(digestOf(`${rpId} ${credentialId}`));

/**
 * The public keys of passkeys that signed in here, so that a passkey sign-in
 * asks identity once (to record the use) rather than twice (to find the key
 * first). Nothing here lets a removed passkey in: recording the use is what
 * finds it gone, and then its key is forgotten. Identity also announces each
 * removal, which drops the key at once (passkey-removed.handler.ts).
 */
@Injectable()
export class PasskeyKeys {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async get(rpId: string, credentialId: string): Promise<PasskeyKey | null> {
    const stored = await this.redis.get(keyOf(rpId, credentialId));
    return stored === null ? null : (JSON.parse(stored) as PasskeyKey);
  }

  async remember(rpId: string, { id, userId, credentialId, publicKey }: PasskeyKey): Promise<void> {
    await this.redis.set(keyOf(rpId, credentialId), JSON.stringify({ id, userId, credentialId, publicKey }), 'EX', PASSKEY_KEY_SECONDS);
  }

  async forget(rpId: string, credentialId: string): Promise<void> {
    await this.redis.del(keyOf(rpId, credentialId));
  }
}
