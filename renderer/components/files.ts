// Files the user picks in the page (<input type=file>), read for the API as base64 or text. Paths never
// leave the page; the core gets the bytes.

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...bytes) overflows the stack on a large file.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function fileToBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

export function textToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}
