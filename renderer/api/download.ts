// Browser download of a generated file: a Blob behind a temporary <a download>. Files that must stay
// beside it (the seal's manifest) are downloaded too, named <file><suffix>.
import type { FileToSave, SavedFile } from './types';

function download(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadInBrowser(file: FileToSave): Promise<SavedFile> {
  download(file.fileName, file.mimeType, file.base64);
  for (const companion of file.beside ?? []) download(file.fileName + companion.suffix, companion.mimeType, companion.base64);
  return Promise.resolve({ saved: true });
}
