import { useState } from 'react';
import { useErrorText } from '../i18n/language';
import { useAction } from '../ui/use-action';
import { createPasskey, PasskeyCancelled } from './passkey-ceremonies';
import { usePasskeyText } from './passkeys-text';

/**
 * The "create a passkey" action with its handshake messages before and after
 * the browser's dialog: created, or cancelled (said calmly), or an error.
 */
export function usePasskeyCreation(onCreated: () => Promise<void> | void) {
  const t = usePasskeyText();
  const errorText = useErrorText();
  const action = useAction();
  const [outcome, setOutcome] = useState<string | null>(null);

  const create = () =>
    action.run(async () => {
      setOutcome(null);
      try {
        await createPasskey();
      } catch (error) {
        if (!(error instanceof PasskeyCancelled)) throw error;
        setOutcome(t.cancelled);
        return;
      }
      setOutcome(t.created);
      await onCreated();
    });

  return { create, pending: action.pending, outcome, error: action.error ? errorText(action.error, t.errors) : null };
}
