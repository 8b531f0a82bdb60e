// `council verify FILE.docx|FILE.pdf`: is this the sealed document? The manifest is FILE.seal.json beside
// it (or --manifest). The trusted key is the one the user names (--key, or its older name --public-key),
// else this installation's own key; never a key found beside the document (a forger can put theirs
// there, with a forged document and a manifest re-signed with it). Without a trusted key nothing is
// VALID. The record is compared when the database file exists.
import fs from 'node:fs';
import path from 'node:path';
import { defaultDatabasePath } from '../../core/paths';
import { fingerprintOf, parsePublicKey, PUBLIC_KEY_FILE, sealKeyDir } from '../../seal/keys';
import type { VerifyOptions } from '../../seal/verify';
import { verifyAnySealedFile } from '../../seal/document-verify';
import { type CliIo, type OpenCouncil, type ParsedArgs, UsageError, flagValue, onePositional } from '../registry';

export interface TrustedKey {
  pem: string;
  fingerprint: string;
  /** The file named with --key, or null for this installation's key. */
  given: string | null;
  thisInstallation: boolean;
}

/** This installation's public key (never made here: verifying creates nothing), or null. */
function installationKey(dbPath: string): { pem: string; fingerprint: string } | null {
  const file = path.join(sealKeyDir(path.dirname(path.resolve(dbPath))), PUBLIC_KEY_FILE);
  if (!fs.existsSync(file)) return null;
  const pem = fs.readFileSync(file, 'utf8');
  return { pem, fingerprint: fingerprintOf(parsePublicKey(pem)) };
}

/** The key to trust: the one the user named, else this installation's; null when there is neither. */
export function findTrustedKey(given: string | undefined, dbPath: string): TrustedKey | null {
  const own = installationKey(dbPath);
  if (given) {
    if (!fs.existsSync(given)) throw new UsageError(`no public key at ${given}`);
    const pem = fs.readFileSync(given, 'utf8');
    let fingerprint: string;
    try {
      fingerprint = fingerprintOf(parsePublicKey(pem));
    } catch (err) {
      throw new UsageError(`${given} is not an Ed25519 public key: ${(err as Error).message}`);
    }
    return { pem, fingerprint, given, thisInstallation: fingerprint === own?.fingerprint };
  }
  return own ? { ...own, given: null, thisInstallation: true } : null;
}

function describeKey(key: TrustedKey | null): string {
  if (!key) return 'trusted key: none — this computer has no seal key and none was given with --key; nothing can be VALID';
  const whose = key.thisInstallation ? "this installation's key" : "not this installation's key";
  return key.given ? `trusted key: ${key.fingerprint} (given with --key ${key.given}; ${whose})` : `trusted key: ${key.fingerprint} (${whose})`;
}

export async function runVerify(args: ParsedArgs, io: CliIo, open: OpenCouncil): Promise<number> {
  const file = onePositional(args, 'the sealed file');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const dbPath = (args.flags.get('db') as string | undefined) ?? defaultDatabasePath();
  const key = findTrustedKey(flagValue(args, 'key') ?? flagValue(args, 'public-key'), dbPath);
  const options: VerifyOptions = {};
  const manifest = flagValue(args, 'manifest');
  if (manifest) options.manifestPath = manifest;
  if (key) {
    options.publicKeyPem = key.pem;
    if (key.thisInstallation) options.installationFingerprint = key.fingerprint;
  }
  // Never create a database just to verify: compare the record only when there is one.
  if (fs.existsSync(dbPath)) options.ctx = (await open()).ctx;
  const r = await verifyAnySealedFile(file, options);
  io.out(`file: ${r.filePath}`);
  io.out(`manifest: ${r.manifestPath}`);
  if (r.sealed) {
    const what = r.sealed.document ? `document ${r.sealed.document.kind} (${r.sealed.document.lang})` : `minutes version ${r.sealed.minutesVersion ?? '-'}`;
    io.out(`sealed: ${r.sealed.session.kind} session ${r.sealed.session.number}, ${what}, at ${r.sealed.signedAt}`);
    io.out(`sealed by key: ${r.sealed.fingerprint}`);
  }
  io.out(describeKey(key));
  io.out(options.ctx ? `record: compared with ${dbPath}` : 'record: not compared (no database)');
  if (r.valid && r.keyChecked) {
    io.out('VALID');
    return 0;
  }
  for (const p of r.problems) io.out(`${p.code}: ${p.message}`);
  io.out('NOT VALID');
  return 1;
}
