// This installation's seal: an Ed25519 key pair made on first use, kept in the app's data folder
// (<data>/seal/). The private key file is readable by its owner only (mode 0600; on Windows the user
// profile's ACL does that job). The public key and its fingerprint are what others use to check a seal.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_KEY_FILE = 'seal-ed25519-private.pem';
export const PUBLIC_KEY_FILE = 'seal-ed25519-public.pem';

export interface SealKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  fingerprint: string;
  privateKeyPath: string;
  publicKeyPath: string;
  /** True when this call made the pair. */
  created: boolean;
}

export function sealKeyDir(dataDir: string): string {
  return path.join(dataDir, 'seal');
}

/** SHA-256 of the DER SubjectPublicKeyInfo, upper-case hex in groups of four: "3F2A 91C0 ...". */
export function fingerprintOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** Parse a public key (PEM SPKI); it must be Ed25519. */
export function parsePublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 public key: ${key.asymmetricKeyType}`);
  return key;
}

/** The installation's key pair, made (with its folder) on first use. */
export function ensureSealKey(dataDir: string): SealKey {
  const dir = sealKeyDir(dataDir);
  const privateKeyPath = path.join(dir, PRIVATE_KEY_FILE);
  const publicKeyPath = path.join(dir, PUBLIC_KEY_FILE);
  let created = false;
  if (!fs.existsSync(privateKeyPath)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const pair = generateKeyPairSync('ed25519');
    const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    // 'wx': never overwrite a key that appeared meanwhile (another process made it first).
    try {
      fs.writeFileSync(privateKeyPath, pem, { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  // The umask cannot widen 0600, but a copied-in file may be wider: narrow it.
  if (process.platform !== 'win32' && (fs.statSync(privateKeyPath).mode & 0o077) !== 0) fs.chmodSync(privateKeyPath, 0o600);
  const privateKey = createPrivateKey(fs.readFileSync(privateKeyPath, 'utf8'));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${privateKeyPath} is not an Ed25519 key`);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
  if (!fs.existsSync(publicKeyPath) || fs.readFileSync(publicKeyPath, 'utf8') !== publicKeyPem) {
    fs.writeFileSync(publicKeyPath, publicKeyPem, { mode: 0o644 });
  }
  return { privateKey, publicKeyPem, fingerprint: fingerprintOf(publicKeyPem), privateKeyPath, publicKeyPath, created };
}

/** The public key alone, for export (to send to whoever checks the minutes). */
export function exportPublicKey(dataDir: string): { publicKeyPem: string; fingerprint: string } {
  const key = ensureSealKey(dataDir);
  return { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
}

/** This installation's public key, derived from its private key, or null when it has none (never makes one). */
export function installationPublicKey(dataDir: string): { publicKeyPem: string; fingerprint: string } | null {
  const file = path.join(sealKeyDir(dataDir), PRIVATE_KEY_FILE);
  if (!fs.existsSync(file)) return null;
  const publicKeyPem = createPublicKey(createPrivateKey(fs.readFileSync(file, 'utf8'))).export({ type: 'spki', format: 'pem' }) as string;
  return { publicKeyPem, fingerprint: fingerprintOf(publicKeyPem) };
}
