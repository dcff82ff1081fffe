import { ReactNode } from 'react';
import { useT } from '../i18n/language';
import { LanguageSwitch } from './LanguageSwitch';
import { BrandLogo, usePortalFace } from './portal-face';

/** The frame of the screens before sign-in: a card on a quiet page. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const { companyName } = usePortalFace();
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      <header className="public-header">
        <span className="brand">
          <BrandLogo />
          {companyName ?? t.common.product}
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="card">
        {children}
      </main>
    </div>
  );
}
