import { FormEvent, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { Link } from '../routing/router';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { TextAreaField } from '../ui/Field';
import { Pending } from '../ui/Pending';
import { focusHeading, Screen } from '../ui/Screen';
import { usePortalFace } from '../ui/portal-face';
import { useAction } from '../ui/use-action';
import { useExpectedStep, useSignInFlow } from './sign-in-flow';

/** "Pas d'accès à l'application": asks the company's admins to turn 2FA off, then says what comes next: a link to confirm, or an admin. */
export function NoAccessScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { restart } = useSignInFlow();
  const { companyName } = usePortalFace();
  const { step, failure } = useExpectedStep('totp');
  const { run, error } = useAction();
  const [message, setMessage] = useState('');
  /** Once asked. Whether a link was mailed is not said (she may have confirmed the request already): the notice covers both. */
  const [asked, setAsked] = useState(false);

  if (!step) {
    return (
      <Screen title={t.noAccess.title}>
        <Pending failure={failure} />
      </Screen>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await portalApi.signIn.askForHelp(message.trim() || undefined);
      setAsked(true);
      focusHeading();
    });
  };

  return (
    <Screen title={t.noAccess.title}>
      {asked ? (
        <>
          <Notice>{t.noAccess.sent(companyName)}</Notice>
          <button type="button" className="button" onClick={() => void restart()}>
            {t.common.backToSignIn}
          </button>
        </>
      ) : (
        <>
          <p>{t.noAccess.intro(companyName)}</p>
          <form onSubmit={submit}>
            <TextAreaField
              label={t.noAccess.messageLabel(companyName)}
              hint={t.noAccess.messageHint}
              maxLength={1000}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
            <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
            <button type="submit" className="button">
              {t.noAccess.submit}
            </button>
          </form>
          <p className="links">
            <Link to="/sign-in/code">{t.noAccess.back}</Link>
          </p>
        </>
      )}
    </Screen>
  );
}
