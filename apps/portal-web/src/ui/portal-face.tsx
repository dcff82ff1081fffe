import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { PortalFace } from '../api/types';

/** Until the gateway answers, nothing is promised: no company name, no look of its own and no Google button. */
const UNKNOWN: PortalFace = { companyName: null, google: false, accentColor: null, logoUrl: null };

const PortalFaceContext = createContext<{ face: PortalFace; reload: () => void }>({ face: UNKNOWN, reload: () => undefined });

/**
 * The company's accent colour replaces the product's blue, with a darker shade
 * for hovers and a light one for highlighted backgrounds. The gateway only
 * stores a colour that keeps 4.5:1 with white; the pattern is checked again
 * here, as what reaches a style must never be more than a colour.
 */
function applyAccent(color: string | null): void {
  const style = document.documentElement.style;
  if (color === null || !/^#[0-9a-f]{6}$/.test(color)) {
    ['--primary', '--primary-dark', '--primary-soft'].forEach((variable) => style.removeProperty(variable));
    return;
  }
  style.setProperty('--primary', color);
  style.setProperty('--primary-dark', `color-mix(in srgb, ${color} 65%, black)`);
  style.setProperty('--primary-soft', `color-mix(in srgb, ${color} 12%, white)`);
}

/** Loads GET /api/portal: the company of this host, its look, and the sign-in methods on offer. */
export function PortalFaceProvider({ children }: { children: ReactNode }) {
  const [face, setFace] = useState<PortalFace>(UNKNOWN);
  const reload = useCallback(() => {
    portalApi.portal.face().then(setFace, () => setFace(UNKNOWN));
  }, []);

  useEffect(reload, [reload]);
  useEffect(() => applyAccent(face.accentColor), [face.accentColor]);

  const value = useMemo(() => ({ face, reload }), [face, reload]);
  return <PortalFaceContext.Provider value={value}>{children}</PortalFaceContext.Provider>;
}

export function usePortalFace(): PortalFace {
  return useContext(PortalFaceContext).face;
}

/** After the admin changed the look: the page shows the new one at once. */
export function useReloadPortalFace(): () => void {
  return useContext(PortalFaceContext).reload;
}

/** The company's logo, beside its name (which says it all: the image adds nothing for a screen reader). */
export function BrandLogo() {
  const { logoUrl } = usePortalFace();
  return logoUrl ? <img className="brand-logo" src={logoUrl} alt="" /> : null;
}
