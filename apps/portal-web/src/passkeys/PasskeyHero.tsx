import { ReactNode } from 'react';
import { usePasskeyText } from './passkeys-text';

/**
 * The FIDO Alliance's "passkey hero": the same message and action wherever a
 * passkey is offered, so that people recognise it. `children` are the other
 * choices (never a gate: "Not now" is always there after sign-in).
 */
export function PasskeyHero({ onCreate, pending, children }: { onCreate(): void; pending: boolean; children?: ReactNode }) {
  const t = usePasskeyText();
  return (
    <section className="tile passkey-hero" aria-labelledby="passkey-hero-title">
      <h2 id="passkey-hero-title">{t.heroTitle}</h2>
      <p>{t.heroText}</p>
      <div className="actions">
        <button type="button" className="button" disabled={pending} onClick={onCreate}>
          {pending ? t.creating : t.create}
        </button>
        {children}
      </div>
    </section>
  );
}
