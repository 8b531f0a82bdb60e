// Reading a session .zip without trusting it: its own central directory is parsed here (not by JSZip,
// which inflates a whole entry before comparing it with the size the archive declares, and keeps only
// the last of two entries with the same name). Each entry is inflated with node:zlib under a byte cap
// (maxOutputLength: inflating stops at the cap, so an entry declaring 1 KB that would inflate to 2 GB
// costs at most the cap), its size and CRC-32 are checked, and a name that appears twice is refused.
import { crc32, inflateRawSync } from 'node:zlib';
import { ValidationError } from '../errors';

export interface ZipLimits {
  /** What all entries may inflate to, together. */
  maxTotalBytes: number;
  maxEntries: number;
}

const refuse = (message: string) => new ValidationError('zip', message, 'archive_damaged');

/** Offset of the end-of-central-directory record (searched backwards past a comment of up to 64 KB). */
function findEndOfDirectory(b: Buffer): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw refuse('not a .zip archive: no central directory');
}

/** Every file entry's name and inflated bytes, checked; directories are skipped. */
export function readZipEntries(bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(b);
  const count = b.readUInt16LE(eocd + 10);
  const dirSize = b.readUInt32LE(eocd + 12);
  const dirOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw refuse('ZIP64 archives are not session archives');
  if (count > limits.maxEntries) throw refuse(`the archive has ${count} entries, more than ${limits.maxEntries}`);
  if (dirOffset + dirSize > eocd) throw refuse('the archive is damaged: its directory is out of bounds');
  const out = new Map<string, Uint8Array>();
  let budget = limits.maxTotalBytes;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || b.readUInt32LE(p) !== 0x02014b50) throw refuse('the archive is damaged: bad directory entry');
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const compressedSize = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (out.has(name)) throw refuse(`${name} appears twice in the archive`);
    if (name.endsWith('/')) continue;
    if (flags & 0x1) throw refuse(`${name} is encrypted`);
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) throw refuse(`${name}: the archive is damaged (no local header)`);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + compressedSize > b.length) throw refuse(`${name}: the archive is damaged (truncated)`);
    const raw = b.subarray(start, start + compressedSize);
    // What the entry may inflate to: what it declares, and never more than what is left of the budget.
    if (size > budget) throw refuse(`the archive would be more than ${limits.maxTotalBytes} bytes uncompressed (${name})`);
    let data: Buffer;
    if (method === 0) {
      data = raw;
    } else if (method === 8) {
      try {
        // One byte past the declared size is enough to know the entry lies about it.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size + 1) });
      } catch (err) {
        throw refuse(`${name} cannot be read: it inflates to more than it declares, or the archive is damaged (${(err as Error).message})`);
      }
    } else {
      throw refuse(`${name}: compression method ${method} is not supported`);
    }
    if (data.length !== size) throw refuse(`${name} cannot be read: the archive is damaged (${data.length} bytes, ${size} declared)`);
    if (crc32(data) !== crc) throw refuse(`${name} cannot be read: the archive is damaged (CRC-32 differs)`);
    budget -= size;
    out.set(name, new Uint8Array(data));
  }
  return out;
}

/** Whether the bytes are of the declared type (PDF, PNG, JPEG; a .docx is a ZIP). */
export function bytesMatchType(bytes: Uint8Array, mime: string): boolean {
  const starts = (sig: number[]) => bytes.length >= sig.length && sig.every((x, i) => bytes[i] === x);
  switch (mime) {
    case 'application/pdf':
      return starts([0x25, 0x50, 0x44, 0x46, 0x2d]);
    case 'image/png':
      return starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return starts([0xff, 0xd8, 0xff]);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return starts([0x50, 0x4b, 0x03, 0x04]);
    default:
      return false;
  }
}
