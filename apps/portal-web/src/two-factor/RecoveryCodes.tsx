import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/language';

/** The ten recovery codes, shown once: to download or write down before going on. */
export function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue(): void }) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const download = () => {
    const file = URL.createObjectURL(new Blob([`${codes.join('\n')}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = file;
    link.download = t.recoveryCodes.fileName;
    link.click();
    URL.revokeObjectURL(file);
  };

  return (
    <section aria-labelledby="recovery-codes">
      <h2 id="recovery-codes" ref={heading} tabIndex={-1}>
        {t.recoveryCodes.title}
      </h2>
      <p>{t.recoveryCodes.intro}</p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-secondary" onClick={download}>
        {t.recoveryCodes.download}
      </button>
      <label className="checkbox">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        {t.recoveryCodes.saved}
      </label>
      <button type="button" className="button" disabled={!saved} onClick={onContinue}>
        {t.recoveryCodes.continue}
      </button>
    </section>
  );
}
