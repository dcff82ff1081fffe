import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LanguageProvider } from './i18n/language';
import { SignInFlowProvider } from './sign-in/sign-in-flow';
import { PortalFaceProvider } from './ui/portal-face';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <PortalFaceProvider>
        <SignInFlowProvider>
          <App />
        </SignInFlowProvider>
      </PortalFaceProvider>
    </LanguageProvider>
  </StrictMode>,
);
