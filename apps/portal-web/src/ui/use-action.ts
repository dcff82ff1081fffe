import { useCallback, useRef, useState } from 'react';

/** One API step behind a form or button: pending while it runs, its failure kept for display. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);

  const run = useCallback(async (work: () => Promise<void>) => {
    // A double click or a second Enter must not send the step twice.
    if (running.current) return;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  return { run, pending, error, setError };
}
