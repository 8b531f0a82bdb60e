// The fingerprint of an Ed25519 public key (.pem), shown before the secretary trusts it for an import. It is
// the SHA-256 of the key's SPKI DER, in groups of four hex digits: the same as src/seal/keys.ts fingerprintOf,
// whose import check stays the authority (a key refused here would be refused there too).
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** The key's fingerprint, or null when the text is not one Ed25519 public key in PEM. */
export async function publicKeyFingerprint(pem: string): Promise<string | null> {
  const m = /^\uFEFF?\s*-----BEGIN PUBLIC KEY-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END PUBLIC KEY-----\s*$/.exec(pem);
  if (!m) return null;
  let der: Uint8Array<ArrayBuffer>;
  try {
    der = Uint8Array.from(atob(m[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  if (der.length !== 44 || ED25519_SPKI_PREFIX.some((b, i) => der[i] !== b)) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}
