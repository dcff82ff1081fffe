import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { FormEvent, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { signInErrorSentences } from '../i18n/errors';
import { useErrorText, useLanguage, useT } from '../i18n/language';
import { Link, useLocation } from '../routing/router';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { usePortalFace } from '../ui/portal-face';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';
import { useSignInFlow } from './sign-in-flow';
import { usePasskeySignIn } from './use-passkey-sign-in';

const googleMark = (
  <svg className="google-mark" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
    <path fill="#4285F4" d="M17.6 9.2c0-.6-.1-1.2-.2-1.7H9v3.3h4.8a4.1 4.1 0 0 1-1.8 2.7v2.2h2.9c1.7-1.6 2.7-3.9 2.7-6.5z" />
    <path fill="#34A853" d="M9 18c2.4 0 4.5-.8 6-2.2l-2.9-2.2c-.8.5-1.8.9-3.1.9-2.4 0-4.4-1.6-5.1-3.8H.9v2.3A9 9 0 0 0 9 18z" />
    <path fill="#FBBC05" d="M3.9 10.7a5.4 5.4 0 0 1 0-3.4V5H.9a9 9 0 0 0 0 8l3-2.3z" />
    <path fill="#EA4335" d="M9 3.6c1.3 0 2.5.5 3.4 1.3L15 2.3A9 9 0 0 0 .9 5l3 2.3C4.6 5.2 6.6 3.6 9 3.6z" />
  </svg>
);

/**
 * Connexion avec Google, or the email and password of the client portal; a
 * passkey through the email field's autofill or the button below the form
 * (the FIDO Alliance's pattern: offered beside the password, never instead of it).
 */
export function SignInScreen() {
  const t = useT();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const { query } = useLocation();
  const { follow } = useSignInFlow();
  const { google } = usePortalFace();
  const { run, error } = useAction();
  const passkey = usePasskeySignIn(follow);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signInError = query.get('error');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    passkey.beforePassword();
    void run(async () => {
      try {
        follow(await portalApi.signIn.login(email.trim(), password));
      } catch (failure) {
        passkey.afterPasswordFailed();
        throw failure;
      }
    });
  };

  return (
    <Screen title={t.signIn.title}>
      <p>{google ? t.signIn.intro : t.signIn.introWithoutGoogle}</p>
      <Notice>{query.has('signed-out') && t.signIn.signedOut}</Notice>
      {signInError && <ErrorMessage>{(signInErrorSentences[signInError] ?? signInErrorSentences.unknown)[language]}</ErrorMessage>}
      {google && (
        <>
          <a className="button button-google" href={portalApi.signIn.googleUrl}>
            {googleMark}
            {t.signIn.google}
          </a>
          <p className="divider">
            <span>{t.common.or}</span>
          </p>
        </>
      )}
      <form onSubmit={submit}>
        <Field label={t.common.email} type="email" autoComplete="username webauthn" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label={t.common.password}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
        <button type="submit" className="button">
          {t.signIn.submit}
        </button>
      </form>
      {browserSupportsWebAuthn() && (
        <>
          <p className="divider">
            <span>{t.common.or}</span>
          </p>
          <Notice>{passkey.notUsed && t.signIn.passkeyNotUsed}</Notice>
          <ErrorMessage>{passkey.error ? errorText(passkey.error, { invalid_passkey: t.signIn.passkeyRefused, invalid_credentials: t.signIn.passkeyRefused }) : null}</ErrorMessage>
          <button type="button" className="button button-secondary" disabled={passkey.pending} onClick={() => void passkey.withDialog()}>
            {passkey.pending ? t.signIn.passkeyWaiting : t.signIn.withPasskey}
          </button>
        </>
      )}
      <p className="links">
        <Link to="/forgot-password">{t.signIn.forgot}</Link>
        <Link to="/easy-access">{t.signIn.easyAccess}</Link>
      </p>
    </Screen>
  );
}
