import { PasskeyView } from '@app/contracts';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { providerNameOf } from './passkey-providers';

/** A passkey as the security settings show it: no key material, no credential id. */
export interface PasskeyCard {
  id: string;
  name: string;
  /** The provider that keeps it (iCloud Keychain, Google Password Manager…), from its AAGUID; null when unknown. */
  provider: string | null;
  aaguid: string;
  /** Synced to the provider's cloud (a multi-device passkey), so losing one device does not lose it. */
  synced: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

export function passkeyCardOf(passkey: PasskeyView): PasskeyCard {
  return {
    id: passkey.id,
    name: passkey.name,
    provider: providerNameOf(passkey.aaguid),
    aaguid: passkey.aaguid,
    synced: passkey.backedUp,
    createdAt: passkey.createdAt,
    lastUsedAt: passkey.lastUsedAt,
  };
}


/** PasskeyCard in the OpenAPI. */
export const PASSKEY_CARD_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    provider: { type: 'string', nullable: true, description: 'From the AAGUID, e.g. "iCloud Keychain"; null when unknown' },
    aaguid: { type: 'string', format: 'uuid' },
    synced: { type: 'boolean', description: "Backed up to the provider's cloud (a multi-device passkey)" },
    createdAt: { type: 'string', format: 'date-time' },
    lastUsedAt: { type: 'string', format: 'date-time', nullable: true },
  },
  required: ['id', 'name', 'provider', 'aaguid', 'synced', 'createdAt', 'lastUsedAt'],
};
