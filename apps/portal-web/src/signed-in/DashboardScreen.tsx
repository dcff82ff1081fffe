import { useT } from '../i18n/language';
import { PasskeyOffer } from '../passkeys/PasskeyOffer';
import { Link } from '../routing/router';
import { Screen } from '../ui/Screen';
import { useMe } from './me-context';

/** Where a sign-in ends: whose portal this is, which account is open, and how the account is protected. */
export function DashboardScreen() {
  const t = useT();
  const { me } = useMe();
  return (
    <Screen title={t.dashboard.title(me.user.name)}>
      <p>{t.dashboard.portal(me.portal.name)}</p>
      <PasskeyOffer />
      <div className="tiles">
        <section className="tile" aria-labelledby="current-account">
          <h2 id="current-account">{t.dashboard.account}</h2>
          {me.account ? <p className="tile-value">{me.account.name}</p> : <p>{t.dashboard.noAccount}</p>}
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
