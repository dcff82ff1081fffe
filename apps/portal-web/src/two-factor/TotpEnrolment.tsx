import { FormEvent, useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { TotpConfirmation, TotpSetup } from '../api/types';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Field, TextAreaField } from '../ui/Field';
import { Pending } from '../ui/Pending';
import { useAction } from '../ui/use-action';
import { RecoveryCodes } from './RecoveryCodes';

/**
 * Enrolment, at sign-in (`totp_enroll`) or from the settings: a new secret as
 * a QR code and a setup key, a first code to turn it on, then the recovery
 * codes, shown once.
 */
export function TotpEnrolment({ onDone }: { onDone(confirmation: TotpConfirmation): void }) {
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [confirmation, setConfirmation] = useState<TotpConfirmation | null>(null);
  const { run, error } = useAction();

  useEffect(() => {
    void run(async () => setSetup(await portalApi.me.setUpTotp()));
  }, [run]);

  if (confirmation) return <RecoveryCodes codes={confirmation.recoveryCodes} onContinue={() => onDone(confirmation)} />;
  if (!setup) return <Pending failure={error} />;
  return <ScanAndConfirm setup={setup} onConfirmed={setConfirmation} />;
}

function ScanAndConfirm({ setup, onConfirmed }: { setup: TotpSetup; onConfirmed(confirmation: TotpConfirmation): void }) {
  const t = useT();
  const errorText = useErrorText();
  const { run, error } = useAction();
  const [code, setCode] = useState('');
  const [copied, setCopied] = useState(false);
  // Groups of four, as authenticator apps print keys: readable aloud, and wrapping on a phone instead of being cut off.
  const groupedKey = setup.secret.match(/.{1,4}/g)?.join(' ') ?? setup.secret;
  const copyKey = () => navigator.clipboard.writeText(setup.secret).then(() => setCopied(true), () => setCopied(false));
  // An <img> never runs what an SVG might carry, unlike markup put into the page.
  const qrSource = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => onConfirmed(await portalApi.me.confirmTotp(code.replace(/\s/g, ''))));
  };

  return (
    <ol className="steps">
      <li>
        <p>{t.enrol.scan}</p>
        <img className="qr" src={qrSource} alt={t.enrol.qrAlt} width={200} height={200} />
        <p>{t.enrol.manual}</p>
        <TextAreaField label={t.enrol.keyLabel} className="secret" readOnly rows={2} value={groupedKey} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button button-secondary" onClick={() => void copyKey()}>
          {t.enrol.copyKey}
        </button>
        <Notice>{copied && t.enrol.keyCopied}</Notice>
        <p>
          <a href={setup.otpauthUrl}>{t.enrol.openApp}</a>
        </p>
      </li>
      <li>
        <form onSubmit={submit}>
          <Field
            label={t.code.codeLabel}
            hint={t.enrol.enterCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <ErrorMessage>{error ? errorText(error, { validation_failed: t.code.malformed }) : null}</ErrorMessage>
          <button type="submit" className="button">
            {t.enrol.submit}
          </button>
        </form>
      </li>
    </ol>
  );
}
