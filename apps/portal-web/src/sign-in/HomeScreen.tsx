import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { portalApi } from '../api/portal-api';
import { useT } from '../i18n/language';
import { navigate, useLocation } from '../routing/router';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useSignInFlow } from './sign-in-flow';

/**
 * `/`: where Google's sign-in lands. The sign-in has advanced on the server,
 * so the screen asks GET /api/auth/state which step is due; `?error=` goes to
 * the sign-in screen, which says what went wrong.
 */
export function HomeScreen() {
  const t = useT();
  const { query } = useLocation();
  const { follow } = useSignInFlow();
  const [failure, setFailure] = useState<unknown>(null);
  const signInError = query.get('error');

  useEffect(() => {
    if (signInError) {
      navigate(`/sign-in?error=${encodeURIComponent(signInError)}`, { replace: true });
      return;
    }
    portalApi.signIn.state().then(
      (step) => follow(step, { replace: true }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) navigate('/sign-in', { replace: true });
        else setFailure(error);
      },
    );
  }, [signInError, follow]);

  return (
    <Screen title={t.common.product}>
      <Pending failure={failure} />
    </Screen>
  );
}
