import { FormEvent, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { Link } from '../routing/router';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { focusHeading, Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

/**
 * `/invitation/:token`, from the mail a company sends a user who already has an
 * account: joining takes the user's click, never the link's mere opening.
 */
export function AcceptInvitationScreen({ token }: { token: string }) {
  const t = useT();
  const errorText = useErrorText();
  const { run, error } = useAction();
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await portalApi.mailLinks.acceptInvitation(token);
      setDone(true);
      focusHeading();
    });
  };

  return (
    <Screen title={t.invitation.title}>
      {done ? (
        <>
          <Notice>{t.invitation.done}</Notice>
          <Link className="button" to="/sign-in">
            {t.signIn.submit}
          </Link>
        </>
      ) : (
        <form onSubmit={submit}>
          <p>{t.invitation.intro}</p>
          <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
          <button type="submit" className="button">
            {t.invitation.submit}
          </button>
        </form>
      )}
    </Screen>
  );
}
