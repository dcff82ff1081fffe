import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useCallback, useEffect, useState } from 'react';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';
import { PasskeyCardItem } from './PasskeyCardItem';
import { PasskeyHero } from './PasskeyHero';
import { PasskeyCard, passkeysApi } from './passkeys-api';
import { usePasskeyText } from './passkeys-text';
import { usePasskeyCreation } from './use-passkey-creation';

/**
 * The security settings' passkeys, after the FIDO Alliance's pattern: the hero
 * prompt while there is none, else one card per passkey, with a way to add
 * another. Only this host's passkeys: each portal is its own relying party.
 */
export function PasskeysScreen() {
  const t = usePasskeyText();
  const loading = useAction();
  const [passkeys, setPasskeys] = useState<PasskeyCard[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => loading.run(async () => setPasskeys(await passkeysApi.list())), [loading.run]);
  const creation = usePasskeyCreation(load);
  const supported = browserSupportsWebAuthn();

  useEffect(() => {
    void load();
  }, [load]);

  const changed = async (message: string) => {
    setNotice(message);
    await load();
  };
  const create = () => {
    setNotice(null);
    void creation.create();
  };

  return (
    <Screen title={t.title}>
      <Notice>{notice ?? creation.outcome}</Notice>
      <ErrorMessage>{creation.error}</ErrorMessage>
      {!supported && <p>{t.unsupported}</p>}
      {!passkeys ? (
        <Pending failure={loading.error} />
      ) : passkeys.length === 0 ? (
        supported && <PasskeyHero onCreate={create} pending={creation.pending} />
      ) : (
        <section aria-labelledby="passkey-list">
          <h2 id="passkey-list">{t.listTitle}</h2>
          <ul className="sessions">
            {passkeys.map((passkey) => (
              <PasskeyCardItem key={passkey.id} passkey={passkey} onChanged={changed} />
            ))}
          </ul>
          {supported && (
            <button type="button" className="button" disabled={creation.pending} onClick={create}>
              {creation.pending ? t.creating : t.create}
            </button>
          )}
        </section>
      )}
      <h2>{t.whatTitle}</h2>
      <p>{t.whatText}</p>
      <h2>{t.whereTitle}</h2>
      <p>{t.whereText}</p>
      <p className="hint">{t.thisPortal(window.location.hostname)}</p>
    </Screen>
  );
}
