import { Fragment } from 'react';
import { useLocation } from '../routing/router';
import { MeProvider } from '../signed-in/me-context';
import { SignedInLayout } from '../signed-in/SignedInLayout';
import { PublicLayout } from '../ui/PublicLayout';
import { NotFoundScreen } from './NotFoundScreen';
import { findRoute } from './routes';

export function App() {
  const { path } = useLocation();
  const found = findRoute(path);
  if (!found) {
    return (
      <PublicLayout>
        <NotFoundScreen />
      </PublicLayout>
    );
  }
  // Keyed by path: a screen opened anew starts from a clean state and takes the focus.
  const screen = <Fragment key={path}>{found.route.render(found.params)}</Fragment>;
  if (!found.route.signedIn) return <PublicLayout>{screen}</PublicLayout>;
  return (
    <MeProvider>
      <SignedInLayout>{screen}</SignedInLayout>
    </MeProvider>
  );
}
