import { FormEvent, useState } from 'react';
import { useDateFormat, useErrorText, useT } from '../i18n/language';
import { ErrorMessage } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { useAction } from '../ui/use-action';
import { removeWithPasskey, unlessCancelled } from './passkey-ceremonies';
import { PasskeyCard, passkeysApi } from './passkeys-api';
import { usePasskeyText } from './passkeys-text';

type Mode = 'view' | 'rename' | 'remove';

/** One passkey as a card: its name, provider and dates; rename in place; remove after a fresh proof. */
export function PasskeyCardItem({ passkey, onChanged }: { passkey: PasskeyCard; onChanged(notice: string): Promise<void> }) {
  const t = usePasskeyText();
  const common = useT().common;
  const formatDate = useDateFormat();
  const errorText = useErrorText();
  const { run, pending, error } = useAction();
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(passkey.name);
  const [password, setPassword] = useState('');

  const rename = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await passkeysApi.rename(passkey.id, name.trim());
      setMode('view');
      await onChanged(t.renamed);
    });
  };
  const removeWith = (proof: () => Promise<void>) =>
    run(async () => {
      if (!(await unlessCancelled(proof))) return;
      await onChanged(t.removed);
    });
  const withPassword = (event: FormEvent) => {
    event.preventDefault();
    void removeWith(() => passkeysApi.removeWithPassword(passkey.id, password));
  };

  return (
    <li className="passkey-card">
      <p className="session-kind">
        {passkey.name}
        {passkey.synced && <span className="tag">{t.synced}</span>}
      </p>
      <p className="hint">{passkey.provider ? t.provider(passkey.provider) : t.unknownProvider}</p>
      <p className="hint">
        {t.createdOn(formatDate(passkey.createdAt))} · {passkey.lastUsedAt ? t.lastUsed(formatDate(passkey.lastUsedAt)) : t.neverUsed}
      </p>
      <ErrorMessage>{error ? errorText(error, t.errors) : null}</ErrorMessage>
      {mode === 'view' && (
        <div className="actions">
          <button type="button" className="button button-secondary" aria-label={t.renameLabel(passkey.name)} onClick={() => setMode('rename')}>
            {t.rename}
          </button>
          <button type="button" className="button button-secondary" aria-label={t.removeLabel(passkey.name)} onClick={() => setMode('remove')}>
            {t.remove}
          </button>
        </div>
      )}
      {mode === 'rename' && (
        <form className="inline-form" onSubmit={rename}>
          <Field label={t.newName} required maxLength={60} value={name} onChange={(event) => setName(event.target.value)} />
          <div className="actions">
            <button type="submit" className="button" disabled={pending}>{t.save}</button>
            <button type="button" className="link-button" onClick={() => setMode('view')}>{common.cancel}</button>
          </div>
        </form>
      )}
      {mode === 'remove' && (
        <form className="inline-form" onSubmit={withPassword}>
          <p>{t.removeIntro}</p>
          <Field label={common.password} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          <div className="actions">
            <button type="submit" className="button button-danger" disabled={pending || !password}>{t.removeWithPassword}</button>
            <button type="button" className="button button-secondary" disabled={pending} onClick={() => void removeWith(() => removeWithPasskey(passkey.id))}>
              {t.removeWithPasskey}
            </button>
            <button type="button" className="link-button" onClick={() => setMode('view')}>{common.cancel}</button>
          </div>
        </form>
      )}
    </li>
  );
}
