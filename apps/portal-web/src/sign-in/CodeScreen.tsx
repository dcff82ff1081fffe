import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { FormEvent, useState } from 'react';
import { ApiError } from '../api/http';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { Link } from '../routing/router';
import { ErrorMessage } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';
import { PasskeyAnswer } from './PasskeyAnswer';
import { useExpectedStep, useSignInFlow } from './sign-in-flow';

/** The second factor: a code from the authenticator app, a recovery code, or a passkey when the step offers one. */
export function CodeScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { follow, restart } = useSignInFlow();
  const { step, failure } = useExpectedStep('totp');
  const { run, error } = useAction();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [trustBrowser, setTrustBrowser] = useState(false);

  if (!step) {
    return (
      <Screen title={t.code.title}>
        <Pending failure={failure} />
      </Screen>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      try {
        const verify = recovery
          ? portalApi.signIn.verifyRecoveryCode(code.trim(), trustBrowser)
          : portalApi.signIn.verifyCode(code.replace(/\s/g, ''), trustBrowser);
        follow(await verify);
      } catch (failure) {
        setCode('');
        throw failure;
      }
    });
  };

  const methods = step.next === 'totp' && step.methods ? step.methods : ['totp'];
  const passkey = methods.includes('passkey') && browserSupportsWebAuthn();
  const trustDays = step.next === 'totp' ? (step.trustBrowserDays ?? 0) : 0;
  // Offered beside every way to answer; never checked in advance (the FIDO and NIST guidance: the user chooses).
  const trustChoice = trustDays > 0 && (
    <label className="checkbox">
      <input type="checkbox" checked={trustBrowser} onChange={(e) => setTrustBrowser(e.target.checked)} />
      {t.code.trustBrowser(trustDays)}
    </label>
  );
  const links = (
    <p className="links">
      <Link to="/sign-in/no-access">{t.code.noAccess}</Link>
      <button type="button" className="link-button" onClick={() => void restart()}>
        {t.code.cancel}
      </button>
    </p>
  );

  if (!methods.includes('totp')) {
    return (
      <Screen title={t.code.passkeyTitle}>
        <p>{passkey ? t.code.passkeyIntro : t.code.passkeyUnsupported}</p>
        {trustChoice}
        {passkey && <PasskeyAnswer only trustBrowser={trustBrowser} />}
        {links}
      </Screen>
    );
  }

  // At 0 attempts left the server has ended the sign-in: only a new one can follow.
  const ended = error instanceof ApiError && error.code === 'invalid_code' && error.attemptsLeft === 0;
  const attempts = error instanceof ApiError && error.attemptsLeft ? ` ${t.code.attemptsLeft(error.attemptsLeft)}` : '';

  return (
    <Screen title={t.code.title}>
      <p>{recovery ? t.code.recoveryIntro : t.code.intro}</p>
      {!recovery && <p className="hint">{t.code.changes}</p>}
      {ended ? (
        <>
          <ErrorMessage>{t.code.ended}</ErrorMessage>
          <button type="button" className="button" onClick={() => void restart()}>
            {t.common.backToSignIn}
          </button>
        </>
      ) : (
        <form onSubmit={submit}>
          <Field
            key={recovery ? 'recovery' : 'app'}
            label={recovery ? t.code.recoveryLabel : t.code.codeLabel}
            inputMode={recovery ? 'text' : 'numeric'}
            autoComplete={recovery ? 'off' : 'one-time-code'}
            autoCapitalize="off"
            spellCheck={false}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          {trustChoice}
          <ErrorMessage>{error ? `${errorText(error, { validation_failed: t.code.malformed })}${attempts}` : null}</ErrorMessage>
          <button type="submit" className="button">
            {t.code.submit}
          </button>
          <button type="button" className="link-button" onClick={() => {
              setRecovery(!recovery);
              setCode('');
            }}>
            {recovery ? t.code.useApp : t.code.useRecovery}
          </button>
        </form>
      )}
      {passkey && !ended && (
        <>
          <p className="divider">
            <span>{t.common.or}</span>
          </p>
          <PasskeyAnswer only={false} trustBrowser={trustBrowser} />
        </>
      )}
      {!ended && links}
    </Screen>
  );
}
