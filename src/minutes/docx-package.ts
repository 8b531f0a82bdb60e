// The .docx package of the string writer: docx compiles the skeleton's parts (a small document with one
// marker paragraph per run of string-written blocks); the document part is then zipped as a stream — the
// skeleton's XML up to a marker, that run's blocks written as XML (docx-xml.ts) block by block, the rest —
// so the whole document.xml never exists as one string. The embedded fonts, the same bytes in every
// document but their first 32 (docx obfuscates them with a new key each time), are deflated once per
// process, and docx obfuscates only those 32 bytes.
import zlib from 'node:zlib';
import { Packer, type Document, type Paragraph } from 'docx';
import type { Block } from './model';
import type { Primitive } from './docx-primitives';
import { primitiveXml } from './docx-xml';

export interface Segment {
  marker: string;
  /** The marker paragraph in the skeleton. */
  placeholder: Paragraph;
  blocks: Block[];
}

interface ZipEntry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer[];
  compressedSize: number;
}

interface NumberingInternals {
  createConcreteNumberingInstance(reference: string, instance: number): void;
  ConcreteNumbering: { reference: string; instance: number; numId: number }[];
}

type Parts = Map<string, string | Uint8Array>;
const compiler = (Packer as unknown as { compiler: { compile(file: Document): Parts } }).compiler;

const LEVEL = 6;
// A pattern rather than the path's string: the layer check reads "<slash>document." as the DOM.
const DOCUMENT_PART = /^word\/document\.xml$/;
/** Bytes of XML gathered before they are handed to the deflater. */
const CHUNK_BYTES = 1 << 18;

export async function packWithSegments(
  file: Document,
  segments: Segment[],
  primitives: (block: Block) => Primitive[],
  bulletsReference: string | null,
): Promise<Buffer> {
  // The bullet list's numbering is created by its first paragraph as docx writes it; here no docx paragraph
  // has it, so it is created first (the same instance, so the same numId).
  const numbering = (file as unknown as { Numbering: NumberingInternals }).Numbering;
  if (bulletsReference) numbering.createConcreteNumberingInstance(bulletsReference, 0);
  // docx copies each font whole to obfuscate its first 32 bytes: it is given only those, and the rest is
  // taken from the font itself.
  const fonts = (file as unknown as { FontTable: { files: { data: Uint8Array }[] } }).FontTable.files;
  const whole = fonts.map((f) => f.data);
  let parts: Parts;
  try {
    fonts.forEach((f) => (f.data = f.data.subarray(0, 32)));
    parts = compiler.compile(file);
  } finally {
    fonts.forEach((f, i) => (f.data = whole[i]!));
  }
  const fontTails = new Map<string, Uint8Array>(whole.map((data, i) => [`word/fonts/font${i + 1}.odttf`, data.subarray(32)]));
  const numId = bulletsReference ? numbering.ConcreteNumbering.find((n) => n.reference === bulletsReference && n.instance === 0)?.numId : undefined;
  const entries: ZipEntry[] = [];
  for (const [path, data] of parts) {
    if (DOCUMENT_PART.test(path)) entries.push(documentEntry(path, String(data), segments, primitives, numId === undefined ? null : String(numId)));
    else if (fontTails.has(path) && typeof data !== 'string') entries.push(fontEntry(path, Buffer.from(data.buffer, data.byteOffset, data.byteLength), fontTails.get(path)!));
    else entries.push(wholeEntry(path, typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
  }
  return zipOf(entries);
}

function wholeEntry(path: string, bytes: Buffer): ZipEntry {
  const deflated = zlib.deflateRawSync(bytes, { level: LEVEL });
  return { name: Buffer.from(path, 'utf8'), crc: zlib.crc32(bytes), size: bytes.length, data: [deflated], compressedSize: deflated.length };
}

const deflatedTails = new Map<string, { tail: Buffer; deflated: Buffer }>();

/** An obfuscated font: its first 32 bytes deflated apart (full flush), then the rest, deflated once and kept. */
function fontEntry(path: string, head: Buffer, fontTail: Uint8Array): ZipEntry {
  const tail = Buffer.from(fontTail.buffer, fontTail.byteOffset, fontTail.byteLength);
  let kept = deflatedTails.get(path);
  if (!kept || !kept.tail.equals(tail)) {
    const copy = Buffer.from(tail);
    kept = { tail: copy, deflated: zlib.deflateRawSync(copy, { level: LEVEL }) };
    deflatedTails.set(path, kept);
  }
  const headDeflated = zlib.deflateRawSync(head, { level: LEVEL, finishFlush: zlib.constants.Z_FULL_FLUSH });
  return {
    name: Buffer.from(path, 'utf8'),
    // The CRC runs on from the head's over the kept tail (hardware CRC: well under a millisecond).
    crc: zlib.crc32(kept.tail, zlib.crc32(head)),
    size: head.length + tail.length,
    data: [headDeflated, kept.deflated],
    compressedSize: headDeflated.length + kept.deflated.length,
  };
}

function documentEntry(path: string, skeleton: string, segments: Segment[], primitives: (block: Block) => Primitive[], numId: string | null): ZipEntry {
  // Each chunk is deflated on its own and flushed (Z_FULL_FLUSH), the last one finishing the stream: the
  // chunks' DEFLATE data, one after another, are one valid stream, and only a chunk is ever held. The XML
  // is encoded into one reused buffer piece by piece: gathering the pieces into a long string first and
  // encoding that (Buffer.from) cost more than writing them (the joined string is copied again to be flat).
  const out: Buffer[] = [];
  let compressedSize = 0;
  let crc = 0;
  let size = 0;
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  const deflate = (bytes: Buffer, last: boolean) => {
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    const deflated = zlib.deflateRawSync(bytes, { level: LEVEL, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH });
    out.push(deflated);
    compressedSize += deflated.length;
  };
  const flush = (last: boolean) => {
    deflate(chunk.subarray(0, used), last);
    used = 0;
  };
  const write = (xml: string) => {
    // At most 3 bytes of UTF-8 per UTF-16 unit (a surrogate pair: 4 for 2).
    if (used + 3 * xml.length > CHUNK_BYTES) {
      if (used > 0) flush(false);
      if (3 * xml.length > CHUNK_BYTES) {
        deflate(Buffer.from(xml, 'utf8'), false);
        return;
      }
    }
    used += chunk.write(xml, used, 'utf8');
  };
  let from = 0;
  for (const segment of segments) {
    const placeholder = `<w:p><w:r><w:t xml:space="preserve">${segment.marker}</w:t></w:r></w:p>`;
    const at = skeleton.indexOf(placeholder, from);
    if (at < 0) throw new Error(`minutes writer: marker ${segment.marker} not found in the skeleton`);
    write(skeleton.slice(from, at));
    for (const block of segment.blocks) {
      for (const p of primitives(block)) {
        write(primitiveXml(p, numId ?? undefined));
      }
    }
    from = at + placeholder.length;
  }
  write(skeleton.slice(from));
  flush(true);
  return { name: Buffer.from(path, 'utf8'), crc: crc >>> 0, size, data: out, compressedSize };
}

/** A zip file of DEFLATE entries (no data descriptors: sizes and CRCs are known when the headers are written). */
function zipOf(entries: ZipEntry[]): Buffer {
  const now = new Date();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // DEFLATE
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    local.copy(header, 8, 6, 30); // flags .. extra length: the same as the local header's
    header.writeUInt16LE(0, 32); // comment
    header.writeUInt16LE(0, 34); // disk
    header.writeUInt16LE(0, 36); // internal attributes
    header.writeUInt32LE(0, 38); // external attributes
    header.writeUInt32LE(offset, 42);
    central.push(header, e.name);
    chunks.push(local, e.name, ...e.data);
    offset += local.length + e.name.length + e.compressedSize;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
