// What the renderer holds as the `council` global in Electron: the typed API of src/api/contract.ts
// (call, saveFile, openPath, showInFolder) plus a few desktop-only functions. Each shell function
// resolves with its value or rejects with an Error whose message names the field.
import type { CouncilApi, FileToSave, SavedFile } from '../api/contract';
import type { MenuAction, PickKind } from './schema';
import type { HallState } from '../room/types';

export type Language = 'ar' | 'en' | 'fr';

export interface AppInfo {
  version: string;
  platform: string;
  /** The SQLite file in use (userData/council.sqlite). */
  databasePath: string;
  /** True when not packaged: the menu then has reload and devtools. */
  development: boolean;
}

/** A file the user picked in a native dialog, read by main. */
export interface PickedFile {
  fileName: string;
  base64: string;
}

export interface DesktopShell {
  /** A native save dialog (folder: Documents), then the bytes written there; saved false when cancelled. */
  saveFile(file: FileToSave): Promise<SavedFile>;
  /** Open a .docx or .pdf with the operating system's program for it. */
  openPath(path: string): Promise<void>;
  /** Show a file selected in its folder (Explorer, Finder). */
  showInFolder(path: string): Promise<void>;
  /** A native open dialog for a bundle or a backup; null when the user cancels. */
  openDialog(kind: PickKind): Promise<string | null>;
  /** A native open dialog, then the file's name and bytes; null when cancelled. */
  pickFile(kind: PickKind): Promise<PickedFile | null>;
  /** Tell the shell the UI's language, so the native menu and dialogs follow it. */
  setLanguage(language: Language): Promise<void>;
  appInfo(): Promise<AppInfo>;
  /** Listen to the native menu; the argument is the language code for 'language'. Returns an unsubscribe. */
  onMenu(listener: (action: MenuAction, arg?: string) => void): () => void;
  /** The hall display's window: the state main pushes after each action (src/room). Returns an unsubscribe. */
  onHallState?(listener: (state: HallState) => void): () => void;
}

export type CouncilDesktop = CouncilApi & DesktopShell & { host: 'electron' };
