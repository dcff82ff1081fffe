import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/http';
import { portalApi } from '../api/portal-api';
import { Me } from '../api/types';
import { navigate } from '../routing/router';
import { Pending } from '../ui/Pending';
import { PublicLayout } from '../ui/PublicLayout';

interface SignedIn {
  me: Me;
  /** After a call that answers `Me` (switch account). */
  setMe(me: Me): void;
  /** After a call that changes what `Me` says (banner dismissed, 2FA turned on or off). */
  reload(): Promise<void>;
}

const MeContext = createContext<SignedIn | null>(null);

/** Loads GET /api/me for the signed-in screens; without a session, `/` finds the step that is due. */
export function MeProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setMe(await portalApi.me.get());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) navigate('/', { replace: true });
      else setFailure(error);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const signedIn = useMemo(() => (me ? { me, setMe, reload } : null), [me, reload]);
  if (!signedIn) {
    return (
      <PublicLayout>
        <Pending failure={failure} />
      </PublicLayout>
    );
  }
  return <MeContext.Provider value={signedIn}>{children}</MeContext.Provider>;
}

export function useMe(): SignedIn {
  const signedIn = useContext(MeContext);
  if (!signedIn) throw new Error('useMe needs a MeProvider above it.');
  return signedIn;
}
