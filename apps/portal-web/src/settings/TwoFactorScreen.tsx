import { FormEvent, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { Link } from '../routing/router';
import { useMe } from '../signed-in/me-context';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';
import { RecoveryCodes } from '../two-factor/RecoveryCodes';
import { usePortalFace } from '../ui/portal-face';

/** Whether 2FA is on; a way to set it up, or to turn it off with the password. */
export function TwoFactorScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { me, reload } = useMe();
  const { run, error } = useAction();
  const [password, setPassword] = useState('');
  const [turnedOff, setTurnedOff] = useState(false);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const regenerating = useAction();
  // The code is all her firms': on a firm's host it is neither turned off nor given new recovery codes (403), only told where.
  const onFirmHost = usePortalFace().companyName !== null;

  const regenerate = () => regenerating.run(async () => setNewCodes((await portalApi.me.regenerateRecoveryCodes()).recoveryCodes));

  if (newCodes) {
    return (
      <Screen title={t.twoFactor.title}>
        <RecoveryCodes codes={newCodes} onContinue={() => setNewCodes(null)} />
      </Screen>
    );
  }

  const turnOff = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await portalApi.me.turnOffTotp(password);
      setPassword('');
      setTurnedOff(true);
      await reload();
    });
  };

  return (
    <Screen title={t.twoFactor.title}>
      <Notice>{turnedOff && t.twoFactor.turnedOff}</Notice>
      <p className={me.user.totpEnabled ? 'status status-on' : 'status'}>{me.user.totpEnabled ? t.twoFactor.on : t.twoFactor.off}</p>
      {me.user.totpEnabled && onFirmHost ? (
        <p className="hint">{t.twoFactor.onEasyAccess}</p>
      ) : me.user.totpEnabled ? (
        <>
          <form onSubmit={turnOff}>
            <p>{t.twoFactor.turnOffIntro}</p>
            <Field label={t.common.password} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            <ErrorMessage>{error ? errorText(error, { invalid_credentials: t.twoFactor.wrongPassword }) : null}</ErrorMessage>
            <button type="submit" className="button button-danger">
              {t.twoFactor.turnOff}
            </button>
          </form>
          <p>{t.twoFactor.newCodesIntro}</p>
          <ErrorMessage>{regenerating.error ? errorText(regenerating.error) : null}</ErrorMessage>
          <button type="button" className="button button-secondary" onClick={() => void regenerate()}>
            {t.twoFactor.newCodes}
          </button>
        </>
      ) : (
        <Link className="button" to="/settings/two-factor/setup">
          {t.twoFactor.setUp}
        </Link>
      )}
    </Screen>
  );
}
