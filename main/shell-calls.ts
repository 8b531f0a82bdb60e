// What each shell channel does once its payload is valid. Opening a file is limited to existing
// documents (.docx, .pdf): a page must not be able to make the OS run a program. Saving writes only
// where the user chose in a native dialog. Opening and showing in the folder take only a file the app
// saved in this run (the path the page got back from shell:save-file): a page must not be able to probe
// the disk for files or open any document on it.
import fs from 'node:fs';
import path from 'node:path';
import type { SavedFile } from '../src/api/contract';
import { NotFoundError, ValidationError } from '../src/errors';
import { extensionOf, openableExtensions, type PickKind, type ShellChannel } from '../src/desktop/schema';
import type { AppInfo, Language, PickedFile } from '../src/desktop/types';

/** A picked file travels to the page as base64 over IPC: 200 MB at most (a session .zip's limit). */
const MAX_PICKED_BYTES = 200_000_000;
import type { ShellLike } from './electron-types';

export interface ShellCallDeps {
  shell: Pick<ShellLike, 'openPath' | 'showItemInFolder'>;
  saveDialog(fileName: string): Promise<string | null>;
  openDialog(kind: PickKind): Promise<string | null>;
  setLanguage(language: Language): void;
  appInfo(): AppInfo;
}

type Payloads = {
  'shell:save-file': { fileName: string; mimeType: string; base64: string; beside?: { suffix: '.seal.json'; base64: string }[] };
  'shell:open-path': { path: string };
  'shell:show-in-folder': { path: string };
  'shell:open-dialog': { kind: PickKind };
  'shell:pick-file': { kind: PickKind };
  'shell:set-language': { language: Language };
  'shell:app-info': Record<string, never>;
};
export type ShellCalls = { [C in ShellChannel]: (payload: Payloads[C]) => Promise<unknown> };

/** An absolute path to an existing regular file, or a typed error naming 'path'. */
export function existingFile(file: string): string {
  if (!path.isAbsolute(file)) throw new ValidationError('path', 'path: an absolute path is required', 'path_not_absolute');
  const resolved = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new NotFoundError('path', 'file', resolved);
  }
  if (!stat.isFile()) throw new ValidationError('path', 'path: not a file', 'not_a_file');
  return resolved;
}

/** Write through a temporary file and a rename, so a failure never leaves half a document. */
function writeAtomically(file: string, bytes: Buffer): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new ValidationError('path', `path: cannot write the file: ${(err as Error).message}`, 'file_not_written');
  }
}

export function createShellCalls(deps: ShellCallDeps): ShellCalls {
  const savedHere = new Set<string>();
  /** A file this run saved, still there; otherwise a typed error naming 'path'. */
  const savedFile = (file: string): string => {
    if (!path.isAbsolute(file) || !savedHere.has(path.resolve(file))) {
      throw new ValidationError('path', 'path: only a file the app saved can be opened or shown', 'path_not_saved_by_app');
    }
    return existingFile(file);
  };
  return {
    'shell:save-file': async ({ fileName, base64, beside }): Promise<SavedFile> => {
      const target = await deps.saveDialog(fileName);
      if (!target) return { saved: false };
      writeAtomically(target, Buffer.from(base64, 'base64'));
      // The seal's manifest goes beside the document under the name `verify` looks for.
      for (const companion of beside ?? []) writeAtomically(target + companion.suffix, Buffer.from(companion.base64, 'base64'));
      savedHere.add(path.resolve(target));
      return { saved: true, path: target };
    },
    'shell:open-path': async ({ path: file }) => {
      if (!(openableExtensions as readonly string[]).includes(extensionOf(file))) {
        throw new ValidationError('path', `path: only .${openableExtensions.join(', .')} files can be opened`, 'file_type_not_openable');
      }
      const failure = await deps.shell.openPath(savedFile(file));
      if (failure) throw new ValidationError('path', `path: ${failure}`, 'file_not_opened');
      return null;
    },
    'shell:show-in-folder': async ({ path: file }) => {
      deps.shell.showItemInFolder(savedFile(file));
      return null;
    },
    'shell:open-dialog': ({ kind }) => deps.openDialog(kind),
    'shell:pick-file': async ({ kind }): Promise<PickedFile | null> => {
      const chosen = await deps.openDialog(kind);
      if (!chosen) return null;
      const file = existingFile(chosen);
      if (fs.statSync(file).size > MAX_PICKED_BYTES) throw new ValidationError('path', `path: larger than ${MAX_PICKED_BYTES} bytes`, 'file_too_big', { max: MAX_PICKED_BYTES });
      return { fileName: path.basename(file), base64: fs.readFileSync(file).toString('base64') };
    },
    'shell:set-language': async ({ language }) => {
      deps.setLanguage(language);
      return null;
    },
    'shell:app-info': async () => deps.appInfo(),
  };
}
