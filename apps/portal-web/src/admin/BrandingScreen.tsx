import { ChangeEvent, FormEvent, useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { Branding, BrandingChange } from '../api/types';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Pending } from '../ui/Pending';
import { useReloadPortalFace } from '../ui/portal-face';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

type LogoType = NonNullable<BrandingChange['logo']>['contentType'];
/** The contract's types, listed for the file picker; the compiler keeps the two in step. */
const LOGO_TYPES: LogoType[] = ['image/png', 'image/jpeg', 'image/webp'];
const isLogoType = (type: string): type is LogoType => (LOGO_TYPES as string[]).includes(type);
const MAX_LOGO_BYTES = 100 * 1024;
/** The product's own blue, what an unset colour shows. */
const DEFAULT_COLOR = '#1d4ed8';

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary);
}

/** The company's look: its accent colour and its logo, shown on its host from the first screen on. */
export function BrandingScreen() {
  const t = useT();
  const errorText = useErrorText();
  const reloadFace = useReloadPortalFace();
  const [stored, setStored] = useState<Branding | null>(null);
  const [color, setColor] = useState<string | null>(null);
  const [logo, setLogo] = useState<File | null>(null);
  const [badFile, setBadFile] = useState(false);
  const [saved, setSaved] = useState(false);
  /** A new file field after each save: the one saved is no longer "chosen". */
  const [fileField, setFileField] = useState(0);
  const loading = useAction();
  const saving = useAction();

  useEffect(() => {
    void loading.run(async () => {
      const branding = await portalApi.admin.branding();
      setStored(branding);
      setColor(branding.accentColor);
    });
  }, [loading.run]);

  const save = (change: BrandingChange) => {
    setSaved(false);
    void saving.run(async () => {
      const branding = await portalApi.admin.setBranding(change);
      setStored(branding);
      setColor(branding.accentColor);
      setLogo(null);
      setFileField((field) => field + 1);
      setSaved(true);
      reloadFace();
    });
  };

  const chooseLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0] ?? null;
    const fits = file === null || (isLogoType(file.type) && file.size <= MAX_LOGO_BYTES);
    setBadFile(!fits);
    setLogo(fits ? file : null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (badFile) return;
    save({ accentColor: color, ...(logo && isLogoType(logo.type) && { logo: { contentType: logo.type, data: await base64Of(logo) } }) });
  };

  return (
    <Screen title={t.branding.title}>
      <p>{t.branding.intro}</p>
      {stored === null ? (
        <Pending failure={loading.error} />
      ) : (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="accent-color">{t.branding.colorLabel}</label>
            <p className="hint" id="accent-color-hint">
              {t.branding.colorHint}
            </p>
            <input
              id="accent-color"
              type="color"
              aria-describedby="accent-color-hint"
              value={color ?? DEFAULT_COLOR}
              onChange={(event) => setColor(event.target.value)}
            />{' '}
            {color !== null && (
              <button type="button" className="link-button" onClick={() => setColor(null)}>
                {t.branding.defaultColor}
              </button>
            )}
          </div>
          <div className="field">
            <label htmlFor="logo">{t.branding.logoLabel}</label>
            <p className="hint" id="logo-hint">
              {t.branding.logoHint}
            </p>
            <input key={fileField} id="logo" type="file" accept={LOGO_TYPES.join(',')} aria-describedby="logo-hint" onChange={chooseLogo} />
          </div>
          {stored.logoUrl ? (
            <p className="logo-preview">
              <img src={stored.logoUrl} alt={t.branding.currentLogo} />{' '}
              <button type="button" className="link-button" onClick={() => save({ logo: null })}>
                {t.branding.removeLogo}
              </button>
            </p>
          ) : (
            <p className="hint">{t.branding.noLogo}</p>
          )}
          <Notice>{saved && t.branding.saved}</Notice>
          <ErrorMessage>{badFile ? t.branding.badFile : saving.error ? errorText(saving.error, { validation_failed: t.branding.refused }) : null}</ErrorMessage>
          <button type="submit" className="button">
            {t.branding.save}
          </button>
        </form>
      )}
    </Screen>
  );
}
