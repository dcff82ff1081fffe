import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { PortalFace } from '../api/types';

/** Until the gateway answers, nothing is promised: no company name and no Google button. */
const UNKNOWN: PortalFace = { companyName: null, google: false };

const PortalFaceContext = createContext<PortalFace>(UNKNOWN);

/** Loads GET /api/portal once: the company of this host and the sign-in methods on offer. */
export function PortalFaceProvider({ children }: { children: ReactNode }) {
  const [face, setFace] = useState<PortalFace>(UNKNOWN);

  useEffect(() => {
    portalApi.portal.face().then(setFace, () => setFace(UNKNOWN));
  }, []);

  return <PortalFaceContext.Provider value={face}>{children}</PortalFaceContext.Provider>;
}

export function usePortalFace(): PortalFace {
  return useContext(PortalFaceContext);
}
