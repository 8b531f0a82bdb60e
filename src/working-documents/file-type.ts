// What a working document is, from its bytes (never from its name): a PDF starts with %PDF-; a .docx or
// .xlsx is a ZIP whose [Content_Types].xml names the main part of a Word document or an Excel workbook.
// Only that one entry is inflated (under a small cap), from the archive's own central directory, so a
// hostile file costs little. A macro-enabled .docm/.xlsm names another main part and is refused.
import { crc32, inflateRawSync } from 'node:zlib';
import type { WorkingDocumentMime } from './types';

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CONTENT_TYPES = '[Content_Types].xml';
const MAX_CONTENT_TYPES_BYTES = 1_000_000;

/** The bytes of [Content_Types].xml, or null when the file is not a readable ZIP that has one. */
function contentTypesOf(b: Buffer): string | null {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  let found: string | null = null;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    if (name !== CONTENT_TYPES) continue;
    if (found !== null || size > MAX_CONTENT_TYPES_BYTES) return null; // twice, or absurdly large
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + compressed > b.length) return null;
    const raw = b.subarray(start, start + compressed);
    let data: Buffer;
    try {
      data = method === 0 ? raw : method === 8 ? inflateRawSync(raw, { maxOutputLength: size + 1 }) : Buffer.alloc(0);
    } catch {
      return null;
    }
    if (data.length !== size || crc32(data) !== crc) return null;
    found = data.toString('utf8');
  }
  return found;
}

/** The type of a PDF, .docx or .xlsx, or null for anything else. */
export function sniffWorkingDocument(bytes: Uint8Array): WorkingDocumentMime | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.length < 30 || b.readUInt32LE(0) !== 0x04034b50) return null;
  const types = contentTypesOf(b);
  if (types === null) return null;
  const word = types.includes(`ContentType="${DOCX_MAIN}"`);
  const excel = types.includes(`ContentType="${XLSX_MAIN}"`);
  if (word === excel) return null; // neither (or, oddly, both)
  return word ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}
