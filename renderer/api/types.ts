// The one interface the screens use to reach the core. Two twins implement it (index.electron.ts,
// index.web.ts); the screens never know which host they have.
import type { ApiCallName, ApiInput, ApiOutput, ApiResult, FileToSave, SavedFile } from '../../src/api/contract';
import type { HallState } from '../../src/room/types';

export interface RendererApi {
  call<N extends ApiCallName>(name: N, input: ApiInput<N>): Promise<ApiResult<ApiOutput<N>>>;
  saveFile(file: FileToSave): Promise<SavedFile>;
  /** Present only when the host can open files (Electron). */
  openPath?: (path: string) => Promise<void>;
  showInFolder?: (path: string) => Promise<void>;
  /** The desktop's native menu (Electron only): returns an unsubscribe. */
  onMenu?: (listener: (action: string, arg?: string) => void) => () => void;
  /** A native open dialog whose file main reads (Electron only); null when cancelled. */
  pickFile?: (kind: 'session-zip') => Promise<{ fileName: string; base64: string } | null>;
  /** Tell the desktop shell the UI's language, so its menus follow. */
  setLanguage?: (lang: 'ar' | 'en' | 'fr') => Promise<void>;
  /**
   * The hall display's state, now and after every action (src/room): pushed by main in Electron, read
   * after each Server-Sent Event in the browser host. Returns an unsubscribe.
   */
  subscribeHall?: (sessionId: string, onState: (state: HallState) => void) => () => void;
}

export type { ApiCallName, ApiInput, ApiOutput, ApiResult, FileToSave, SavedFile };
