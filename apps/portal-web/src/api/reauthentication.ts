/**
 * Where a call answered `403 reauthentication_required` waits for the person
 * to prove it is them: the signed-in frame registers the prompt, and every
 * call goes through it, so that no screen handles the case itself. Calls
 * that fail together share one prompt.
 */
/** `secondFactorOnly`: a trusted browser spared this session the code, and the password will not do. */
type Prompt = (secondFactorOnly: boolean) => Promise<boolean>;

let prompt: Prompt | null = null;
let asking: Promise<boolean> | null = null;

/** @returns a function that unregisters it */
export function registerReauthentication(ask: Prompt): () => void {
  prompt = ask;
  return () => {
    if (prompt === ask) prompt = null;
  };
}

/** @returns whether the person proved it (then the call is worth sending again) */
export function reauthenticate(secondFactorOnly = false): Promise<boolean> {
  if (!prompt) return Promise.resolve(false);
  asking ??= prompt(secondFactorOnly).finally(() => {
    asking = null;
  });
  return asking;
}
