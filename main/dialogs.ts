// Native save and open dialogs. The renderer names only a file name (its extension must be one we save)
// or the kind of file to pick; the folder and the filter are decided here.
import path from 'node:path';
import type { DialogLike } from './electron-types';
import { extensionOf, pickKindExtensions, type PickKind } from '../src/desktop/schema';
import type { Language } from '../src/desktop/types';
import { shellLabels } from './labels';

export interface DialogDeps<W> {
  dialog: DialogLike<W>;
  window: () => W | null;
  /** app.getPath('documents') */
  documentsDir: string;
  language: () => Language;
}

/** The chosen path, with the expected extension added when the user typed none or another one. */
export function withExtension(file: string, ext: string): string {
  return extensionOf(file) === ext ? file : `${file}.${ext}`;
}

/** Ask where to save `fileName` (a bare name, extension already validated); null when cancelled. */
export async function showSaveDialog<W>(deps: DialogDeps<W>, fileName: string): Promise<string | null> {
  const win = deps.window();
  if (!win) return null;
  const labels = shellLabels[deps.language()];
  const ext = extensionOf(fileName);
  const result = await deps.dialog.showSaveDialog(win, {
    title: labels.dialog.save,
    defaultPath: path.join(deps.documentsDir, path.basename(fileName)),
    filters: [{ name: labels.filter[ext] ?? ext.toUpperCase(), extensions: [ext] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return null;
  return withExtension(result.filePath, ext);
}

/** Ask for a bundle or a backup to read; null when cancelled. */
export async function showOpenDialog<W>(deps: DialogDeps<W>, kind: PickKind): Promise<string | null> {
  const win = deps.window();
  if (!win) return null;
  const labels = shellLabels[deps.language()];
  const extensions = [...pickKindExtensions[kind]];
  const result = await deps.dialog.showOpenDialog(win, {
    title: kind === 'backup' ? labels.dialog.openBackup : labels.dialog.openBundle,
    filters: [{ name: labels.filter[extensions[0]!] ?? extensions[0]!.toUpperCase(), extensions }],
    properties: ['openFile', 'dontAddToRecent'],
  });
  const chosen = result.filePaths[0];
  if (result.canceled || !chosen) return null;
  return chosen;
}
