// What a file is, from its first bytes (never from its name), and an image's dimensions. Pure.
export type SniffedMime = 'image/png' | 'image/jpeg' | 'application/pdf';

export interface Sniffed {
  mime: SniffedMime;
  width?: number;
  height?: number;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function u32be(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

function u16be(b: Uint8Array, at: number): number {
  return (b[at]! << 8) + b[at + 1]!;
}

/** Width and height from a JPEG's first SOFn segment; null when none is found. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

/** The type of a PNG, JPEG or PDF file, or null for anything else (or a truncated header). */
export function sniffFile(bytes: Uint8Array): Sniffed | null {
  if (startsWith(bytes, PNG)) {
    // IHDR is always the first chunk: length(4) 'IHDR'(4) width(4) height(4).
    if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
    return { mime: 'image/png', width: u32be(bytes, 16), height: u32be(bytes, 20) };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    const size = jpegSize(bytes);
    return size ? { mime: 'image/jpeg', ...size } : null;
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf' }; // %PDF-
  return null;
}

export const SIGNATURE_IMAGE_LIMITS = { maxBytes: 1_000_000, minSide: 16, maxSide: 4000 };
export const SCAN_LIMITS = { maxBytes: 50_000_000 };

/** Why these bytes are not an acceptable signature image, or null. */
export function signatureImageProblem(bytes: Uint8Array): string | null {
  if (bytes.length > SIGNATURE_IMAGE_LIMITS.maxBytes) return `larger than ${SIGNATURE_IMAGE_LIMITS.maxBytes} bytes`;
  const sniffed = sniffFile(bytes);
  if (!sniffed || sniffed.mime === 'application/pdf') return 'not a PNG or JPEG image';
  const { width = 0, height = 0 } = sniffed;
  const { minSide, maxSide } = SIGNATURE_IMAGE_LIMITS;
  if (width < minSide || height < minSide || width > maxSide || height > maxSide) {
    return `image of ${width}×${height} pixels; each side must be between ${minSide} and ${maxSide}`;
  }
  return null;
}
