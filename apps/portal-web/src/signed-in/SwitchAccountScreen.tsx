import { useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';
import { useMe } from './me-context';

/** "Changer de compte": every account of this portal the user may open. */
export function SwitchAccountScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { me, setMe } = useMe();
  const { run, error } = useAction();
  const [switched, setSwitched] = useState<string | null>(null);

  const open = (accountId: string) =>
    run(async () => {
      const next = await portalApi.me.switchAccount(accountId);
      setMe(next);
      setSwitched(next.account?.name ?? null);
    });

  return (
    <Screen title={t.switchAccount.title}>
      <p>{me.accounts.length > 1 ? t.switchAccount.intro : me.accounts.length === 1 ? t.switchAccount.onlyOne : t.switchAccount.none}</p>
      <Notice>{switched && t.switchAccount.switched(switched)}</Notice>
      <ul className="choices">
        {me.accounts.map((account) => {
          const current = account.id === me.account?.id;
          return (
            <li key={account.id}>
              <button type="button" className="choice" aria-current={current ? 'true' : undefined} onClick={() => void open(account.id)}>
                <span className="choice-name">{account.name}</span>
                {current && <span className="choice-detail">{t.switchAccount.current}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
    </Screen>
  );
}
