// A session .zip changed the way a forger (or a damaged copy) would: its files edited, then hashes.json
// recomputed so the archive's own check passes (unless keepHashes), then zipped again.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';

export type ZipFiles = Map<string, Buffer>;

export async function rezip(bytes: Uint8Array, change: (files: ZipFiles) => void, options: { keepHashes?: boolean } = {}): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(bytes);
  const files: ZipFiles = new Map();
  for (const e of Object.values(src.files)) if (!e.dir) files.set(e.name, await e.async('nodebuffer'));
  change(files);
  if (!options.keepHashes && files.has('hashes.json')) {
    const hashes = JSON.parse(files.get('hashes.json')!.toString('utf8')) as { files: Record<string, string> };
    hashes.files = Object.fromEntries([...files].filter(([n]) => n !== 'hashes.json').map(([n, d]) => [n, createHash('sha256').update(d).digest('hex')]));
    files.set('hashes.json', Buffer.from(JSON.stringify(hashes)));
  }
  const out = new JSZip();
  for (const [n, data] of files) out.file(n, data);
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Edit one JSON part of the archive in place. */
export function editJson(files: ZipFiles, name: string, edit: (j: Record<string, unknown>) => void): void {
  const j = JSON.parse(files.get(name)!.toString('utf8')) as Record<string, unknown>;
  edit(j);
  files.set(name, Buffer.from(JSON.stringify(j)));
}
