import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LanguageProvider } from './i18n/language';
import { SignInFlowProvider } from './sign-in/sign-in-flow';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <SignInFlowProvider>
        <App />
      </SignInFlowProvider>
    </LanguageProvider>
  </StrictMode>,
);
