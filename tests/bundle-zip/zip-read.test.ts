// readZipEntries (src/bundle/zip-read.ts) on archives written byte by byte, without a database: what a
// well-formed archive gives back (stored and deflated entries, folders skipped, extra fields and comments
// stepped over, an archive comment of the longest length), and each way a damaged or hostile one is
// refused, with the message the user reads. Every limit is tried at its edge. For the mutation run
// (docs/mutation.md).
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesMatchType, readZipEntries, type ZipLimits } from '../../src/bundle/zip-read';
import { ValidationError } from '../../src/errors';

interface Entry {
  name: string;
  data: Buffer; // as stored
  method?: number;
  crc?: number;
  size?: number; // declared uncompressed size
  flags?: number;
  extra?: Buffer; // central directory extra field
  comment?: Buffer; // central directory entry comment
  localExtra?: Buffer;
  /** Where the central entry says the local header is, relative to the true one. */
  localShift?: number;
  localSignature?: number;
}
interface End {
  count?: number;
  dirOffset?: number;
  dirSize?: number;
  comment?: Buffer;
  dirSignature?: number;
  /** Bytes after the last directory entry (counted in the directory's size). */
  dirTail?: Buffer;
}

const st = (name: string, text: string | Buffer): Entry => {
  const data = Buffer.from(text);
  return { name, data, method: 0, crc: crc32(data), size: data.length };
};
const df = (name: string, text: string | Buffer): Entry => {
  const plain = Buffer.from(text);
  return { name, data: deflateRawSync(plain), method: 8, crc: crc32(plain), size: plain.length };
};

function writeZip(entries: Entry[], end: End = {}): Buffer {
  const locals: Buffer[] = [];
  const dir: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const localExtra = e.localExtra ?? Buffer.alloc(0);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(e.localSignature ?? 0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.flags ?? 0x0800, 6);
    h.writeUInt16LE(e.method ?? 0, 8);
    h.writeUInt32LE((e.crc ?? 0) >>> 0, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size ?? e.data.length, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(localExtra.length, 28);
    locals.push(h, name, localExtra, e.data);
    const extra = e.extra ?? Buffer.alloc(0);
    const comment = e.comment ?? Buffer.alloc(0);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(end.dirSignature ?? 0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.flags ?? 0x0800, 8);
    c.writeUInt16LE(e.method ?? 0, 10);
    c.writeUInt32LE((e.crc ?? 0) >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size ?? e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt16LE(comment.length, 32);
    c.writeUInt32LE(offset + (e.localShift ?? 0), 42);
    dir.push(c, name, extra, comment);
    offset += 30 + name.length + localExtra.length + e.data.length;
  }
  const dirBytes = Buffer.concat([...dir, end.dirTail ?? Buffer.alloc(0)]);
  const comment = end.comment ?? Buffer.alloc(0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(end.count ?? entries.length, 8);
  eocd.writeUInt16LE(end.count ?? entries.length, 10);
  eocd.writeUInt32LE(end.dirSize ?? dirBytes.length, 12);
  eocd.writeUInt32LE(end.dirOffset ?? offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, dirBytes, eocd, comment]);
}

const LIMITS: ZipLimits = { maxTotalBytes: 1000, maxEntries: 5 };
const read = (zip: Uint8Array, limits: ZipLimits = LIMITS) => readZipEntries(zip, limits);
const texts = (m: Map<string, Uint8Array>) => Object.fromEntries([...m].map(([k, v]) => [k, Buffer.from(v).toString('utf8')]));
function refusal(zip: Uint8Array, limits: ZipLimits = LIMITS): string {
  try {
    read(zip, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('zip');
    return (err as ValidationError).message;
  }
  throw new Error('not refused');
}

describe('readZipEntries: a well-formed archive', () => {
  it('gives every file, stored or deflated, with UTF-8 names; folders are skipped', () => {
    const zip = writeZip([st('session.json', '{"a":1}'), { name: 'attachments/', data: Buffer.alloc(0) }, df('attachments/محضر.txt', 'نص '.repeat(50))]);
    const m = read(zip);
    expect([...m.keys()]).toEqual(['session.json', 'attachments/محضر.txt']);
    expect(texts(m)).toEqual({ 'session.json': '{"a":1}', 'attachments/محضر.txt': 'نص '.repeat(50) });
    expect(m.get('session.json')).toBeInstanceOf(Uint8Array);
  });

  it('steps over extra fields and comments in the directory and extra fields in the local headers', () => {
    const zip = writeZip([
      { ...st('a.json', 'first'), extra: Buffer.from('EXTRA-FIELD'), comment: Buffer.from('a comment'), localExtra: Buffer.from('LOCAL') },
      { ...df('b.json', 'second'), comment: Buffer.from('x'), localExtra: Buffer.from('L2') },
      { ...st('c.json', 'third'), extra: Buffer.from('E') },
    ]);
    expect(texts(read(zip))).toEqual({ 'a.json': 'first', 'b.json': 'second', 'c.json': 'third' });
  });

  it('finds the directory past an archive comment of the longest length (65535 bytes), and in an empty archive of 22 bytes', () => {
    expect(texts(read(writeZip([st('a', 'x')], { comment: Buffer.alloc(0xffff, 0x20) })))).toEqual({ a: 'x' });
    const empty = writeZip([]);
    expect(empty).toHaveLength(22);
    expect(read(empty).size).toBe(0);
  });

  it('an empty file, stored or deflated', () => {
    expect(texts(read(writeZip([st('e', ''), df('f', '')])))).toEqual({ e: '', f: '' });
  });

  it('a last directory entry that ends exactly where the end record starts (an empty name: the importer refuses unknown names)', () => {
    expect(texts(read(writeZip([st('a', 'x'), st('', 'y')])))).toEqual({ a: 'x', '': 'y' });
  });

  it('an entry whose local header and data end exactly at the end of the file (here, inside the archive comment)', () => {
    for (const text of ['', 'xyz']) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      const comment = Buffer.concat([local, Buffer.from(text)]);
      const plain = writeZip([st('a', text)], { comment });
      // Point the directory entry at the copy in the comment, the last 30 + n bytes of the file.
      const shifted = writeZip([{ ...st('a', text), localShift: plain.length - comment.length }], { comment });
      expect(texts(read(shifted))).toEqual({ a: text });
    }
  });

  it('reads a Uint8Array that is a view into a larger buffer', () => {
    const zip = writeZip([st('a', 'inside')]);
    const big = Buffer.concat([Buffer.from('JUNK-BEFORE'), zip, Buffer.from('JUNK-AFTER-' + 'x'.repeat(30))]);
    expect(texts(read(new Uint8Array(big.buffer, big.byteOffset + 11, zip.length)))).toEqual({ a: 'inside' });
  });

  it('takes exactly the entry limit and exactly the byte budget, across entries', () => {
    const five = ['1', '2', '3', '4', '5'].map((n) => st(n, n));
    expect(read(writeZip(five)).size).toBe(5);
    const fill = writeZip([st('a', 'x'.repeat(600)), df('b', 'y'.repeat(400))]);
    expect(read(fill).size).toBe(2);
  });
});

describe('readZipEntries: refused', () => {
  it('not an archive (no end record; shorter than one)', () => {
    expect(refusal(Buffer.from('not a zip at all, just some text that is long enough'))).toBe('not a .zip archive: no central directory');
    expect(refusal(Buffer.from('PK'))).toBe('not a .zip archive: no central directory');
    // The end record further back than a 65535-byte comment allows is not looked for.
    const far = Buffer.concat([writeZip([]), Buffer.alloc(0xffff + 1, 0x20)]);
    expect(refusal(far)).toBe('not a .zip archive: no central directory');
  });

  it('ZIP64 (entry count 0xFFFF or directory offset 0xFFFFFFFF)', () => {
    expect(refusal(writeZip([st('a', 'x')], { count: 0xffff }), { maxTotalBytes: 1000, maxEntries: 0x10000 })).toBe('ZIP64 archives are not session archives');
    expect(refusal(writeZip([st('a', 'x')], { dirOffset: 0xffffffff }))).toBe('ZIP64 archives are not session archives');
  });

  it('more entries than the limit', () => {
    const six = ['1', '2', '3', '4', '5', '6'].map((n) => st(n, n));
    expect(refusal(writeZip(six))).toBe('the archive has 6 entries, more than 5');
  });

  it('a directory out of bounds, or with fewer entries than it says, or a bad entry signature', () => {
    const zip = writeZip([st('a', 'x')]);
    const dirOffset = zip.readUInt32LE(zip.length - 22 + 16);
    expect(refusal(writeZip([st('a', 'x')], { dirOffset: dirOffset + 1 }))).toBe('the archive is damaged: its directory is out of bounds');
    expect(refusal(writeZip([st('a', 'x')], { dirSize: 48 }))).toBe('the archive is damaged: its directory is out of bounds');
    expect(refusal(writeZip([st('a', 'x')], { count: 2 }))).toBe('the archive is damaged: bad directory entry');
    expect(refusal(writeZip([st('a', 'x')], { dirSignature: 0x02014b51 }))).toBe('the archive is damaged: bad directory entry');
    // A second entry cut short: its signature is there, its 46 bytes are not (reading on would run off the end).
    const cut = Buffer.alloc(14);
    cut.writeUInt32LE(0x02014b50, 0);
    expect(refusal(writeZip([st('a', 'x')], { count: 2, dirTail: cut }))).toBe('the archive is damaged: bad directory entry');
  });

  it('a name twice, also when the first is a folder of the same name ending in /', () => {
    expect(refusal(writeZip([st('a.json', '1'), st('b', '2'), st('a.json', '3')]))).toBe('a.json appears twice in the archive');
  });

  it('an encrypted entry (flag bit 0), whatever its other flags', () => {
    expect(refusal(writeZip([{ ...st('a', 'x'), flags: 0x0801 }]))).toBe('a is encrypted');
    expect(refusal(writeZip([{ ...st('a', 'x'), flags: 0x0001 }]))).toBe('a is encrypted');
  });

  it('an entry whose local header is missing or past the end', () => {
    expect(refusal(writeZip([st('a', 'x'), { ...st('b', 'y'), localSignature: 0x04034b51 }]))).toBe('b: the archive is damaged (no local header)');
    expect(refusal(writeZip([st('a', 'hello'), { ...st('b', 'y'), localShift: -1 }]))).toBe('b: the archive is damaged (no local header)');
    expect(refusal(writeZip([{ ...st('a', 'x'), localShift: 100_000 }]))).toBe('a: the archive is damaged (no local header)');
  });

  it('a local header signature in the last 30 bytes of the file (its header would run off the end)', () => {
    const tail = Buffer.alloc(10);
    tail.writeUInt32LE(0x04034b50, 0);
    const plain = writeZip([st('a', 'x')], { comment: tail });
    expect(refusal(writeZip([{ ...st('a', 'x'), localShift: plain.length - 10 }], { comment: tail }))).toBe('a: the archive is damaged (no local header)');
  });

  it('an entry whose compressed size runs past the end of the archive', () => {
    const zip = writeZip([st('a', 'x')]);
    const dirOffset = zip.readUInt32LE(zip.length - 22 + 16);
    zip.writeUInt32LE(0xffff, dirOffset + 20);
    expect(refusal(zip)).toBe('a: the archive is damaged (truncated)');
  });

  it('an entry whose data runs past the end of the archive', () => {
    // The local header of the last entry says its name and extra are longer than they are.
    const zip = writeZip([st('a', 'x')]);
    zip.writeUInt16LE(0xfff0, 28);
    expect(refusal(zip)).toBe('a: the archive is damaged (truncated)');
  });

  it('an entry declaring more than what is left of the byte budget, before inflating it', () => {
    expect(refusal(writeZip([st('a', 'x'.repeat(1001))]))).toBe('the archive would be more than 1000 bytes uncompressed (a)');
    expect(refusal(writeZip([st('a', 'x'.repeat(600)), st('b', 'y'.repeat(401))]))).toBe('the archive would be more than 1000 bytes uncompressed (b)');
  });

  it('a deflated entry that inflates to more than it declares, or to less, or is not deflate data', () => {
    // One byte more than declared is inflated (the cap is size + 1) and then caught by the length check.
    expect(refusal(writeZip([{ ...df('a', 'x'.repeat(100)), size: 99 }]))).toBe('a cannot be read: the archive is damaged (100 bytes, 99 declared)');
    expect(refusal(writeZip([{ ...df('a', 'x'.repeat(100)), size: 98 }]))).toMatch(/^a cannot be read: it inflates to more than it declares, or the archive is damaged \(.+\)$/);
    expect(refusal(writeZip([{ ...df('a', 'x'.repeat(100)), size: 101 }]))).toBe('a cannot be read: the archive is damaged (100 bytes, 101 declared)');
    expect(refusal(writeZip([{ name: 'a', data: Buffer.from([0x07, 0x00, 0x00]), method: 8, crc: 0, size: 3 }]))).toMatch(/^a cannot be read: it inflates to more/);
  });

  it('a stored entry whose size is not its data length', () => {
    expect(refusal(writeZip([{ ...st('a', 'abc'), size: 2 }]))).toBe('a cannot be read: the archive is damaged (3 bytes, 2 declared)');
  });

  it('another compression method', () => {
    expect(refusal(writeZip([{ ...st('a', 'x'), method: 12 }]))).toBe('a: compression method 12 is not supported');
    expect(refusal(writeZip([{ ...st('a', 'x'), method: 9 }]))).toBe('a: compression method 9 is not supported');
  });

  it('a CRC-32 that is not the data\'s, stored or deflated', () => {
    expect(refusal(writeZip([{ ...st('a', 'x'), crc: crc32(Buffer.from('y')) }]))).toBe('a cannot be read: the archive is damaged (CRC-32 differs)');
    expect(refusal(writeZip([{ ...df('a', 'x'), crc: 0 }]))).toBe('a cannot be read: the archive is damaged (CRC-32 differs)');
  });
});

describe('bytesMatchType', () => {
  it('takes a file that is exactly its signature, and refuses one a byte short', () => {
    expect(bytesMatchType(Buffer.from('%PDF-'), 'application/pdf')).toBe(true);
    expect(bytesMatchType(Buffer.from('%PDF'), 'application/pdf')).toBe(false);
    expect(bytesMatchType(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg')).toBe(true);
    expect(bytesMatchType(Buffer.from([0xff, 0xd8]), 'image/jpeg')).toBe(false);
    expect(bytesMatchType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png')).toBe(true);
    expect(bytesMatchType(Buffer.from('PK\x03\x04'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(true);
    expect(bytesMatchType(Buffer.from('PK\x03\x04'), 'application/zip')).toBe(false);
    expect(bytesMatchType(new Uint8Array(0), 'application/pdf')).toBe(false);
  });

  it('refuses long enough bytes that differ in one place (first, middle or last byte of the signature)', () => {
    expect(bytesMatchType(Buffer.from('%PDX-1.7 and more'), 'application/pdf')).toBe(false);
    expect(bytesMatchType(Buffer.from('XPDF-1.7 and more'), 'application/pdf')).toBe(false);
    expect(bytesMatchType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b, 0, 0]), 'image/png')).toBe(false);
    expect(bytesMatchType(Buffer.from([0xff, 0xd8, 0xfe, 0xe0]), 'image/jpeg')).toBe(false);
    expect(bytesMatchType(Buffer.from('PK\x05\x06 an empty zip'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(false);
    expect(bytesMatchType(Buffer.from('MZ this is a program, not a document'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(false);
  });
});
