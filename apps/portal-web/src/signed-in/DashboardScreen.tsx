import { useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useT } from '../i18n/language';
import { PasskeyOffer } from '../passkeys/PasskeyOffer';
import { Link } from '../routing/router';
import { Screen } from '../ui/Screen';
import { useMe } from './me-context';

/** How many clients wait for an admin to turn their 2FA off; null until known (or when it cannot be). */
function useWaitingHelpRequests(admin: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!admin) return;
    portalApi.admin.helpRequests().then(
      (requests) => setCount(requests.length),
      () => setCount(null),
    );
  }, [admin]);
  return count;
}

/** Where a sign-in ends: whose portal this is, which account is open, how the account is protected, and what waits for an admin. */
export function DashboardScreen() {
  const t = useT();
  const { me } = useMe();
  const admin = me.role === 'admin';
  const waiting = useWaitingHelpRequests(admin);
  return (
    <Screen title={t.dashboard.title(me.user.name)}>
      <p>{t.dashboard.portal(me.portal.name)}</p>
      <PasskeyOffer />
      <div className="tiles">
        {admin && waiting !== null && (
          <section className={waiting > 0 ? 'tile tile-attention' : 'tile'} aria-labelledby="help-requests">
            <h2 id="help-requests">{t.dashboard.helpRequests}</h2>
            <p className={waiting > 0 ? 'tile-value' : undefined}>{t.dashboard.waiting(waiting)}</p>
            <Link to="/admin/help-requests">{t.dashboard.openRequests}</Link>
          </section>
        )}
        <section className="tile" aria-labelledby="current-account">
          <h2 id="current-account">{t.dashboard.account}</h2>
          {me.account ? <p className="tile-value">{me.account.name}</p> : <p>{admin ? t.dashboard.adminNoAccount : t.dashboard.noAccount}</p>}
          {me.accounts.length > 1 && <Link to="/switch-account">{t.shell.switchAccount}</Link>}
        </section>
        <section className="tile" aria-labelledby="security">
          <h2 id="security">{t.dashboard.security}</h2>
          <p>{me.user.totpEnabled ? t.dashboard.twoFactorOn : t.dashboard.twoFactorOff}</p>
          <Link to="/settings/two-factor">{t.shell.twoFactor}</Link>
        </section>
      </div>
    </Screen>
  );
}
