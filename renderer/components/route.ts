// The place in the app is in the address (a hash route), so a reload comes back to the same session,
// tab and agenda item: #/sessions, #/session/<id>/<tab>[/<itemId>], #/actions, #/settings. A hash never
// leaves the page (no navigation), which the desktop shell's navigation guard requires.
import { workspaceTabs, type WorkspaceTab } from '../screens/SessionWorkspace';

export type Route =
  | { screen: 'sessions' }
  | { screen: 'session'; id: string; tab: WorkspaceTab; item?: string | undefined }
  | { screen: 'actions' }
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [screen, id, tab, item] = parts;
  if (screen === 'actions' || screen === 'settings') return { screen };
  if (screen === 'session' && id) {
    const known = (workspaceTabs as readonly string[]).includes(tab ?? '') ? (tab as WorkspaceTab) : 'details';
    return { screen: 'session', id, tab: known, ...(item ? { item } : {}) };
  }
  return { screen: 'sessions' };
}

export function routeHash(route: Route): string {
  if (route.screen !== 'session') return `#/${route.screen}`;
  const parts = ['session', route.id, route.tab, ...(route.item ? [route.item] : [])];
  return '#/' + parts.map(encodeURIComponent).join('/');
}
