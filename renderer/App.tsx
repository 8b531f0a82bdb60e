// The shell: a header with the main screens and the language switch, and the current screen.
// The place (screen, session, tab, agenda item) is kept in the address's hash, so a reload comes back
// to it; the app never leaves its one page.
import { useEffect, useRef, useState } from 'react';
import { api } from './api';
import { languages, useI18n, type Lang } from './i18n';
import { SessionsScreen } from './screens/SessionsScreen';
import { SessionWorkspace } from './screens/SessionWorkspace';
import { parseRoute, routeHash, type Route } from './components/route';
import { ActionsScreen } from './screens/ActionsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { exportSession } from './screens/SessionTransfer';
import { useMutation } from './components/useApi';
import { FormError } from './components/Field';

export type { Route };

const langNames: Record<Lang, string> = { ar: 'العربية', en: 'English', fr: 'Français' };

export function App() {
  const { t, lang, setLang } = useI18n();
  const [route, setRouteState] = useState<Route>(() => parseRoute(window.location.hash));
  const setRoute = (next: Route) => {
    setRouteState(next);
    const hash = routeHash(next);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  };
  useEffect(() => {
    const onHash = () => setRouteState(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const [creating, setCreating] = useState(0);
  const [importing, setImporting] = useState(0);
  // A restore replaces the database: every screen is remounted (epoch) so nothing shows the old one.
  const [epoch, setEpoch] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const exporting = useMutation();
  const routeRef = useRef(route);
  routeRef.current = route;
  // The desktop's native menu drives the same actions as the page's buttons.
  useEffect(
    () =>
      api.onMenu?.((action, arg) => {
        setNotice(null);
        if (action === 'language' && (arg === 'ar' || arg === 'en' || arg === 'fr')) setLang(arg);
        else if (action === 'new-session') {
          setRoute({ screen: 'sessions' });
          setCreating((n) => n + 1);
        } else if (action === 'import-bundle') {
          setRoute({ screen: 'sessions' });
          setImporting((n) => n + 1);
        } else if (action === 'export-bundle') {
          const current = routeRef.current;
          if (current.screen === 'session') {
            void exportSession(exporting, current.id).then((file) => file && setNotice(t('transfer.exported', { file })));
          } else setNotice(t('transfer.openSessionFirst'));
        } else if (action === 'backup') setRoute({ screen: 'settings' });
        else if (action === 'about') setNotice(t('about.text'));
      }),
    [setLang, t],
  );
  useEffect(() => {
    void api.setLanguage?.(lang).catch(() => undefined);
  }, [lang]);
  const nav = (screen: 'sessions' | 'actions' | 'settings') => (
    <button
      type="button"
      className={`nav-link${route.screen === screen || (screen === 'sessions' && route.screen === 'session') ? ' nav-link--active' : ''}`}
      aria-current={route.screen === screen ? 'page' : undefined}
      onClick={() => setRoute({ screen })}
      data-nav={screen}
    >
      {t(`nav.${screen}`)}
    </button>
  );
  return (
    <div className="app">
      <header className="app-header">
        <strong className="app-title">{t('app.title')}</strong>
        <nav aria-label={t('nav.label')} className="app-nav">
          {nav('sessions')}
          {nav('actions')}
          {nav('settings')}
        </nav>
        <div className="lang-switch" role="group" aria-label={t('lang.label')}>
          {languages.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)} data-lang={l}>
              {langNames[l]}
            </button>
          ))}
        </div>
      </header>
      <main className="app-main" key={epoch}>
        {notice ? (
          <div className="banner banner--info row" role="status" data-notice>
            <span className="grow">{notice}</span>
            <button type="button" className="small" onClick={() => setNotice(null)} aria-label={t('common.close')}>
              ×
            </button>
          </div>
        ) : null}
        <FormError m={exporting} fields={[]} />
        {route.screen === 'sessions' ? (
          <SessionsScreen
            key={creating}
            startCreating={creating > 0}
            importRequest={importing}
            importHandled={() => setImporting(0)}
            open={(id) => setRoute({ screen: 'session', id, tab: 'details' })}
          />
        ) : null}
        {route.screen === 'session' ? (
          <SessionWorkspace
            key={route.id}
            sessionId={route.id}
            tab={route.tab}
            setTab={(tab) => setRoute({ screen: 'session', id: route.id, tab, item: route.item })}
            item={route.item}
            setItem={(item) => setRoute({ ...route, item })}
            back={() => setRoute({ screen: 'sessions' })}
          />
        ) : null}
        {route.screen === 'actions' ? <ActionsScreen /> : null}
        {route.screen === 'settings' ? (
          <SettingsScreen
            restored={(note) => {
              setNotice(note);
              setEpoch((n) => n + 1);
            }}
          />
        ) : null}
      </main>
    </div>
  );
}
