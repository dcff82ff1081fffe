import { useState } from 'react';
import { useT } from '../i18n/language';
import { Link, navigate } from '../routing/router';
import { useMe } from '../signed-in/me-context';
import { TotpEnrolment } from '../two-factor/TotpEnrolment';
import { Screen } from '../ui/Screen';

/** Enrolment chosen from the settings, outside any sign-in; with 2FA already on (a bookmark, another tab), it says so rather than failing. */
export function TwoFactorSetupScreen() {
  const t = useT();
  const { me, reload } = useMe();
  // Decided once: the enrolment under way is never swapped out when it turns 2FA on.
  const [alreadyOn] = useState(me.user.totpEnabled);

  const finish = async () => {
    await reload();
    navigate('/settings/two-factor');
  };

  return (
    <Screen title={t.enrol.title}>
      {alreadyOn ? (
        <>
          <p>{t.enrol.alreadyOn}</p>
          <Link to="/settings/two-factor">{t.enrol.backToSettings}</Link>
        </>
      ) : (
        <>
          <p>{t.enrol.optional}</p>
          <TotpEnrolment onDone={() => void finish()} />
        </>
      )}
    </Screen>
  );
}
