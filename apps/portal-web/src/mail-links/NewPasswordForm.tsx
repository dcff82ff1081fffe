import { FormEvent, useState } from 'react';
import { useErrorText, useT } from '../i18n/language';
import { Link } from '../routing/router';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { NewPasswordFields } from '../ui/NewPasswordFields';
import { focusHeading } from '../ui/Screen';
import { useAction } from '../ui/use-action';

interface NewPasswordFormProps {
  submitLabel: string;
  doneText: string;
  save(password: string): Promise<void>;
}

/** The form behind a mailed link (activation, reset): a password, then the way to sign in. */
export function NewPasswordForm({ submitLabel, doneText, save }: NewPasswordFormProps) {
  const t = useT();
  const errorText = useErrorText();
  const { run, error } = useAction();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <>
        <Notice>{doneText}</Notice>
        <Link className="button" to="/sign-in">
          {t.signIn.submit}
        </Link>
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (password !== confirmation) return;
    void run(async () => {
      await save(password);
      setDone(true);
      focusHeading();
    });
  };

  return (
    <form onSubmit={submit}>
      <NewPasswordFields password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} />
      <ErrorMessage>{mismatch ? t.common.passwordsDiffer : error ? errorText(error) : null}</ErrorMessage>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </form>
  );
}
