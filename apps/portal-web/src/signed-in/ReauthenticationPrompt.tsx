import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { registerReauthentication } from '../api/reauthentication';
import { useErrorText } from '../i18n/language';
import { passkeyProof, unlessCancelled } from '../passkeys/passkey-ceremonies';
import { navigate } from '../routing/router';
import { ErrorMessage } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { useAction } from '../ui/use-action';
import { useMe } from './me-context';
import { useReauthenticationText } from './reauthentication-text';

type Means = 'password' | 'code' | 'recovery';

/** What each means sends to POST /api/me/reauthenticate. */
const proofOf = { password: (password: string) => ({ password }), code: (code: string) => ({ code }), recovery: (recoveryCode: string) => ({ recoveryCode }) };

/**
 * The inline "confirm it is you" of a sensitive change (turning 2FA on,
 * adding a passkey, ending the other sessions): a modal dialog over the
 * screen, opened by a call that answered `403 reauthentication_required`,
 * which is sent again once the person proved it. Users who sign in with
 * Google, who may have no password, are also offered a new sign-in.
 */
export function ReauthenticationPrompt() {
  const t = useReauthenticationText();
  const errorText = useErrorText();
  const { me } = useMe();
  const dialog = useRef<HTMLDialogElement>(null);
  const settle = useRef<((proved: boolean) => void) | null>(null);
  const [open, setOpen] = useState(false);
  const [means, setMeans] = useState<Means>('password');
  const [secondFactorOnly, setSecondFactorOnly] = useState(false);
  const [secret, setSecret] = useState('');
  const { run, pending, error, setError } = useAction();

  useEffect(
    () =>
      registerReauthentication(
        (onlySecondFactor) =>
          new Promise<boolean>((resolve) => {
            settle.current = resolve;
            setSecondFactorOnly(onlySecondFactor);
            setMeans(onlySecondFactor || (me.user.google && me.user.totpEnabled) ? 'code' : 'password');
            setSecret('');
            setError(null);
            setOpen(true);
          }),
      ),
    [me.user.google, me.user.totpEnabled, setError],
  );
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);

  const finish = (proved: boolean) => {
    setOpen(false);
    settle.current?.(proved);
    settle.current = null;
  };
  const prove = (proof: () => Promise<void>) =>
    run(async () => {
      if (await unlessCancelled(proof)) finish(true);
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void prove(() => portalApi.me.reauthenticate(proofOf[means](secret)));
  };
  // The password will not do where a trusted browser spared the code: then the code, or a recovery code for the phone left at home.
  const offered: Means[] = [...(secondFactorOnly ? [] : ['password' as const]), ...(me.user.totpEnabled ? (['code', 'recovery'] as const) : [])];
  const useLabel = { password: t.usePassword, code: t.useCode, recovery: t.useRecovery };
  const withPasskey = () => void prove(async () => portalApi.me.reauthenticate({ passkey: await passkeyProof() }));
  const signInAgain = async () => {
    finish(false);
    await portalApi.signIn.logout();
    navigate('/', { replace: true });
  };

  return (
    <dialog ref={dialog} className="card reauthentication" aria-labelledby="reauthentication-title" onCancel={() => finish(false)}>
      <h2 id="reauthentication-title">{t.title}</h2>
      <p>{secondFactorOnly ? t.introSecondFactor : t.intro}</p>
      <ErrorMessage>{error ? errorText(error, t.errors) : null}</ErrorMessage>
      <form onSubmit={submit}>
        {means === 'password' && (
          <Field key="password" label={t.password} type="password" autoComplete="current-password" required value={secret} onChange={(event) => setSecret(event.target.value)} />
        )}
        {means === 'code' && (
          <Field key="code" label={t.code} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required value={secret} onChange={(event) => setSecret(event.target.value)} />
        )}
        {means === 'recovery' && (
          <Field key="recovery" label={t.recovery} autoComplete="off" maxLength={32} required value={secret} onChange={(event) => setSecret(event.target.value)} />
        )}
        <button type="submit" className="button" disabled={pending}>
          {t.confirm}
        </button>
        {offered
          .filter((other) => other !== means)
          .map((other) => (
            <button key={other} type="button" className="link-button" onClick={() => { setMeans(other); setSecret(''); }}>
              {useLabel[other]}
            </button>
          ))}
      </form>
      {me.user.google && <p className="hint">{t.noMeans}</p>}
      <div className="actions">
        {browserSupportsWebAuthn() && (
          <button type="button" className="button button-secondary" disabled={pending} onClick={withPasskey}>
            {t.usePasskey}
          </button>
        )}
        {me.user.google && (
          <button type="button" className="button" onClick={() => void signInAgain()}>
            {t.signInAgain}
          </button>
        )}
        <button type="button" className="link-button" onClick={() => finish(false)}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}
