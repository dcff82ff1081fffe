import { PasskeyView } from '@app/contracts';
import { providerNameOf } from './passkey-providers';
import { PasskeyCard } from './passkeys.contract';

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
