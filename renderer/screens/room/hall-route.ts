// The hall display's address: /hall?session=<id>&lang=ar (app://council/hall in Electron; the browser
// host adds #token=...). Anything else is the secretary's app.
import type { Lang } from '../../i18n';

export interface HallRoute {
  sessionId: string;
  lang: Lang;
}

export function parseHallRoute(pathname: string, search: string): HallRoute | null {
  if (!/\/hall\/?$/.test(pathname)) return null;
  const params = new URLSearchParams(search);
  const sessionId = params.get('session') ?? '';
  const lang = params.get('lang');
  if (!sessionId) return null;
  return { sessionId, lang: lang === 'en' || lang === 'fr' ? lang : 'ar' };
}

export const hallRoute = parseHallRoute(location.pathname, location.search);
