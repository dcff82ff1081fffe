import { useState } from 'react';
import { useErrorText, useT } from '../i18n/language';
import { PasskeyCancelled } from '../passkeys/passkey-ceremonies';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { useAction } from '../ui/use-action';
import { answerWithPasskey } from './passkey-sign-in';
import { useSignInFlow } from './sign-in-flow';

/**
 * The second step answered with a passkey: the main action when it is the
 * only method, else a choice beside the code. A closed dialog is no failure:
 * the button stays for another try.
 */
export function PasskeyAnswer({ only, trustBrowser }: { only: boolean; trustBrowser: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const { follow } = useSignInFlow();
  const { run, pending, error } = useAction();
  const [notUsed, setNotUsed] = useState(false);

  const answer = () =>
    run(async () => {
      setNotUsed(false);
      try {
        follow(await answerWithPasskey(trustBrowser));
      } catch (failure) {
        if (!(failure instanceof PasskeyCancelled)) throw failure;
        setNotUsed(true);
      }
    });

  return (
    <>
      <Notice>{notUsed && t.code.passkeyNotUsed}</Notice>
      <ErrorMessage>{error ? errorText(error, { invalid_passkey: t.code.passkeyRefused }) : null}</ErrorMessage>
      <button type="button" className={only ? 'button' : 'button button-secondary'} disabled={pending} onClick={() => void answer()}>
        {pending ? t.code.passkeyWaiting : t.code.usePasskey}
      </button>
    </>
  );
}
