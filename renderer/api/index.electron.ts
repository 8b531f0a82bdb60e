// Electron's twin: the preload's window.council (contextBridge). Files are saved through the host's
// dialog when the preload offers it, else as a browser download (Electron shows its own save dialog).
import type { CouncilApi } from '../../src/api/contract';
import { downloadInBrowser } from './download';
import type { HallState } from '../../src/room/types';
import type { RendererApi } from './types';

/** What Electron's preload may add beyond the API (src/desktop/types.ts). */
interface DesktopExtras {
  onMenu?: (listener: (action: string, arg?: string) => void) => () => void;
  setLanguage?: (lang: 'ar' | 'en' | 'fr') => Promise<void>;
  pickFile?: (kind: 'session-zip') => Promise<{ fileName: string; base64: string } | null>;
  onHallState?: (listener: (state: HallState) => void) => () => void;
}

declare global {
  interface Window {
    council?: CouncilApi & DesktopExtras;
  }
}

export function createElectronApi(council: CouncilApi & DesktopExtras): RendererApi {
  const api: RendererApi = {
    call: (name, input) => council.call(name, input),
    saveFile: (file) => (council.saveFile ? council.saveFile(file) : downloadInBrowser(file)),
  };
  if (council.openPath) api.openPath = (p) => council.openPath!(p);
  if (council.showInFolder) api.showInFolder = (p) => council.showInFolder!(p);
  if (council.onMenu) api.onMenu = (listener) => council.onMenu!(listener);
  if (council.setLanguage) api.setLanguage = (lang) => council.setLanguage!(lang);
  if (council.pickFile) api.pickFile = (kind) => council.pickFile!(kind);
  // The hall window: main pushes its state (main/hall-window.ts); the window itself calls nothing.
  if (council.onHallState) api.subscribeHall = (_sessionId, onState) => council.onHallState!(onState);
  return api;
}
