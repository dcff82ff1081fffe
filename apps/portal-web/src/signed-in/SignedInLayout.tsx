import { ReactNode } from 'react';
import { portalApi } from '../api/portal-api';
import { useT } from '../i18n/language';
import { Link } from '../routing/router';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { AccountBanner } from './AccountBanner';
import { BrandLogo } from '../ui/portal-face';
import { useMe } from './me-context';
import { IdleWarning } from './IdleWarning';
import { ReauthenticationPrompt } from './ReauthenticationPrompt';
import { ShellMenu } from './ShellMenu';

/**
 * The signed-in frame, as the help page describes it: the account banner at
 * the top, the menu, and the account name at the bottom left with "switch account".
 */
export function SignedInLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const { me } = useMe();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      <header className="shell-header">
        <AccountBanner />
        <div className="shell-bar">
          <span className="brand">
            <BrandLogo />
            {me.portal.name}
          </span>
          <LanguageSwitch onSwitch={portalApi.me.setLanguage} />
        </div>
      </header>
      <ShellMenu />
      <main id="main" className="shell-main">
        {children}
      </main>
      <ReauthenticationPrompt />
      <IdleWarning />
      <footer className="shell-account">
        <p>
          <span className="account-label">{t.shell.account}</span>
          <strong className="account-name">{me.account?.name ?? (me.role === 'admin' ? t.shell.adminOnly : t.shell.noAccount)}</strong>
        </p>
        {me.accounts.length > 1 && <Link to="/switch-account">{t.shell.switchAccount}</Link>}
      </footer>
    </div>
  );
}
