import { PasskeyView } from '@app/common';
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
