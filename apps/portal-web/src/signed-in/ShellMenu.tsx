import { ReactNode, useEffect, useState } from 'react';
import { useT } from '../i18n/language';
import { usePasskeyText } from '../passkeys/passkeys-text';
import { Link, useLocation } from '../routing/router';
import { useSignInFlow } from '../sign-in/sign-in-flow';
import { useMe } from './me-context';

/** The entry of the page shown is the current page; on a page below it (the 2FA setup), the current section. */
function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const { path } = useLocation();
  const current = path === to ? 'page' : path.startsWith(`${to}/`) ? 'true' : undefined;
  return (
    <Link to={to} aria-current={current}>
      {children}
    </Link>
  );
}

/** The menu: always open on a desktop, behind a "Menu" button on a phone, where room is short. */
export function ShellMenu() {
  const t = useT();
  const passkeyText = usePasskeyText();
  const { me } = useMe();
  const { path } = useLocation();
  const { restart } = useSignInFlow();
  const [open, setOpen] = useState(false);

  useEffect(() => setOpen(false), [path]);

  return (
    <nav className="shell-nav" aria-label={t.shell.menu}>
      <button type="button" className="menu-toggle button button-secondary" aria-expanded={open} aria-controls="menu-items" onClick={() => setOpen(!open)}>
        {t.shell.menuButton}
      </button>
      <div id="menu-items" className="menu-items" data-open={open}>
        <ul>
          <li><NavLink to="/dashboard">{t.shell.dashboard}</NavLink></li>
          <li><NavLink to="/settings/sessions">{t.shell.sessions}</NavLink></li>
          <li><NavLink to="/settings/passkeys">{passkeyText.menu}</NavLink></li>
          <li><NavLink to="/settings/password">{t.shell.password}</NavLink></li>
          <li><NavLink to="/settings/two-factor">{t.shell.twoFactor}</NavLink></li>
        </ul>
        {me.role === 'admin' && (
          <>
            <p className="nav-heading" id="admin-menu">
              {t.shell.admin}
            </p>
            <ul aria-labelledby="admin-menu">
              <li><NavLink to="/admin/help-requests">{t.shell.helpRequests}</NavLink></li>
              <li><NavLink to="/admin/audit">{t.shell.audit}</NavLink></li>
              <li><NavLink to="/admin/security">{t.shell.security}</NavLink></li>
              <li><NavLink to="/admin/branding">{t.shell.branding}</NavLink></li>
            </ul>
          </>
        )}
        <button type="button" className="link-button sign-out" onClick={() => void restart({ signedOut: true })}>
          {t.common.signOut}
        </button>
      </div>
    </nav>
  );
}
