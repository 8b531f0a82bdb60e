// Hostile archives, refused with a typed error before anything is written: an entry that lies about its
// size (declares 1 KB, inflates to hundreds of MB: inflating stops at the cap, memory stays small), two
// entries with one name, and an attachment whose bytes are not of the type it declares.
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSignedScan } from '../../src/approval/attachments';
import { exportSessionZip, importSessionZip } from '../../src/bundle/zip';
import { bytesMatchType } from '../../src/bundle/zip-read';
import { ZIP_FORMAT, ZIP_VERSION } from '../../src/bundle/zip-schema';
import { ValidationError } from '../../src/errors';
import { sha256Hex } from '../../src/seal/sign';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { snapshot } from '../lock/fixture';
import { approvedSession } from '../seal/world';

let a: TempDb;
let b: TempDb;
beforeEach(async () => {
  a = await openTempDb();
  b = await openTempDb();
});
afterEach(async () => {
  await a.cleanup();
  await b.cleanup();
});

interface RawEntry {
  name: string;
  data: Buffer; // as stored (deflated when method 8)
  method: number;
  crc: number;
  size: number; // the declared uncompressed size
}

/** A .zip written byte by byte, so it can say what it likes about its entries. */
function writeZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const dir: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.crc >>> 0, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(name.length, 26);
    locals.push(h, name, e.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    dir.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(dir);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
}

const stored = (name: string, text: string): RawEntry => {
  const data = Buffer.from(text, 'utf8');
  return { name, data, method: 0, crc: crc32(data), size: data.length };
};

const hashesFor = (files: Record<string, string>) => stored('hashes.json', JSON.stringify({ format: ZIP_FORMAT, version: ZIP_VERSION, files }));

/** `mb` megabytes of zeros, deflated in chunks (never held inflated). */
async function deflatedZeros(mb: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  z.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => z.on('end', resolve));
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < mb; i++) if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(parts);
}

async function refused(zipBytes: Uint8Array): Promise<ValidationError> {
  const before = snapshot(b.sqlite);
  const err = await importSessionZip(b.ctx, { zipBytes }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).field).toBe('zip');
  expect(snapshot(b.sqlite)).toEqual(before);
  return err as ValidationError;
}

describe('a hostile session archive', () => {
  it('an entry that declares 1 KB and inflates to 500 MB is refused while inflating, without holding it', async () => {
    const bomb = await deflatedZeros(500);
    // hashes.json first and valid, so a reader that checks it first still reaches the bomb.
    const zip = writeZip([hashesFor({ 'session.json': '0'.repeat(64) }), { name: 'session.json', data: bomb, method: 8, crc: 0, size: 1024 }]);
    const rssBefore = process.memoryUsage().rss;
    const err = await refused(zip);
    expect(err.message).toMatch(/session\.json/);
    // Inflating stopped at the declared size: nowhere near 500 MB was allocated.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('an entry that declares more than the cap is refused before inflating', async () => {
    const zip = writeZip([{ name: 'session.json', data: deflateRawSync(Buffer.from('{}')), method: 8, crc: 0, size: 0xfffffff0 }]);
    expect((await refused(zip)).message).toMatch(/bytes uncompressed/);
  });

  it('two entries with the same name are refused (a reader could see either one)', async () => {
    const one = '{"a":1}';
    const two = '{"a":2}';
    // Either copy matches its hash: a reader keeping the first or the last would accept the archive.
    const zip = writeZip([stored('session.json', one), stored('session.json', two), hashesFor({ 'session.json': sha256Hex(Buffer.from(two)) })]);
    expect((await refused(zip)).message).toMatch(/session\.json appears twice/);
  });

  it("an attachment whose bytes are not its declared type is refused, even with every hash recomputed", async () => {
    const { ids } = await approvedSession(a);
    await fileSignedScan(a.ctx, { sessionId: ids.sessionId, fileName: 'signed.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
    const { bytes } = await exportSessionZip(a.ctx, { sessionId: ids.sessionId });
    const src = await JSZip.loadAsync(bytes);
    const files = new Map<string, Buffer>();
    for (const e of Object.values(src.files)) if (!e.dir) files.set(e.name, await e.async('nodebuffer'));
    const scanPath = [...files.keys()].find((n) => n.startsWith('attachments/scan-'))!;
    const exe = Buffer.from('MZ\x90\x00 this is not a PDF');
    files.set(scanPath, exe);
    const approval = JSON.parse(files.get('approval.json')!.toString('utf8')) as { attachments: { path: string; sha256: string; byteSize: number }[] };
    const att = approval.attachments.find((x) => x.path === scanPath)!;
    att.sha256 = sha256Hex(exe);
    att.byteSize = exe.length;
    files.set('approval.json', Buffer.from(JSON.stringify(approval)));
    const hashes = JSON.parse(files.get('hashes.json')!.toString('utf8')) as { files: Record<string, string> };
    for (const [n, d] of files) if (n !== 'hashes.json') hashes.files[n] = sha256Hex(d);
    files.set('hashes.json', Buffer.from(JSON.stringify(hashes)));
    const out = new JSZip();
    for (const [n, d] of files) out.file(n, d);
    const err = await refused(await out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(err.message).toMatch(/not a application\/pdf file/);
  });

  it('knows the types by their first bytes', () => {
    expect(bytesMatchType(Buffer.from('%PDF-1.7'), 'application/pdf')).toBe(true);
    expect(bytesMatchType(Buffer.from('%PDX-1.7'), 'application/pdf')).toBe(false);
    expect(bytesMatchType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png')).toBe(true);
    expect(bytesMatchType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b]), 'image/png')).toBe(false);
    expect(bytesMatchType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg')).toBe(true);
    expect(bytesMatchType(Buffer.from([0xff, 0xd8, 0xfe]), 'image/jpeg')).toBe(false);
    expect(bytesMatchType(Buffer.from('PK\x03\x04'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(true);
    expect(bytesMatchType(Buffer.from('PK\x05\x06'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(false);
    expect(bytesMatchType(Buffer.from('%PDF-'), 'text/plain')).toBe(false);
  });
});
