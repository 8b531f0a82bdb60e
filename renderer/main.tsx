import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n';
import { hallRoute } from './screens/room/hall-route';
import { HallDisplay } from './screens/room/HallDisplay';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {hallRoute ? (
      <I18nProvider fixedLang={hallRoute.lang}>
        <HallDisplay sessionId={hallRoute.sessionId} />
      </I18nProvider>
    ) : (
      <I18nProvider>
        <App />
      </I18nProvider>
    )}
  </StrictMode>,
);
