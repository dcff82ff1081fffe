import { useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { MailedLinkPurpose } from '../api/types';

export type LinkState = 'checking' | 'usable' | 'unusable' | { failure: unknown };

/** Asks once, when the page opens, whether the mailed link still works: the form only shows for a usable one. */
export function useLinkCheck(purpose: MailedLinkPurpose, token: string): LinkState {
  const [state, setState] = useState<LinkState>('checking');

  useEffect(() => {
    portalApi.mailLinks.check(purpose, token).then(
      ({ usable }) => setState(usable ? 'usable' : 'unusable'),
      (failure: unknown) => setState({ failure }),
    );
  }, [purpose, token]);

  return state;
}
