// `council verify FILE.docx|FILE.pdf`: is this the sealed document? The manifest is FILE.seal.json beside
// it (or --manifest); the trusted key is --public-key, else a seal-ed25519-public.pem beside the file,
// else this installation's own key. The record is compared when the database file exists.
import fs from 'node:fs';
import path from 'node:path';
import { defaultDatabasePath } from '../../core/paths';
import { PUBLIC_KEY_FILE, sealKeyDir } from '../../seal/keys';
import { verifySealedFile, type VerifyOptions } from '../../seal/verify';
import { flagValue, onePositional, registerCommand, UsageError } from '../registry';

/** The trusted public key and where it came from, or null. */
export function findTrustedKey(file: string, given: string | undefined, dbPath: string): { pem: string; from: string } | null {
  const candidates = given ? [given] : [path.join(path.dirname(path.resolve(file)), PUBLIC_KEY_FILE), path.join(sealKeyDir(path.dirname(dbPath)), PUBLIC_KEY_FILE)];
  for (const c of candidates) {
    if (fs.existsSync(c)) return { pem: fs.readFileSync(c, 'utf8'), from: c };
    if (given) throw new UsageError(`no public key at ${c}`);
  }
  return null;
}

registerCommand({
  name: 'verify',
  summary: 'check a sealed .docx or PDF: valid, or exactly what differs',
  usage: 'verify FILE [--manifest FILE.seal.json] [--public-key KEY.pem]',
  flags: { manifest: true, 'public-key': true },
  opensDatabase: true,
  async run(args, io, open) {
    const file = onePositional(args, 'the sealed file');
    if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const dbPath = (args.flags.get('db') as string | undefined) ?? defaultDatabasePath();
    const key = findTrustedKey(file, flagValue(args, 'public-key'), dbPath);
    const options: VerifyOptions = {};
    const manifest = flagValue(args, 'manifest');
    if (manifest) options.manifestPath = manifest;
    if (key) options.publicKeyPem = key.pem;
    // Never create a database just to verify: compare the record only when there is one.
    if (fs.existsSync(dbPath)) options.ctx = (await open()).ctx;
    const r = await verifySealedFile(file, options);
    io.out(`file: ${r.filePath}`);
    io.out(`manifest: ${r.manifestPath}`);
    if (r.sealed) {
      io.out(`sealed: ${r.sealed.session.kind} session ${r.sealed.session.number}, minutes version ${r.sealed.minutesVersion ?? '-'}, at ${r.sealed.signedAt}`);
      io.out(`key: ${r.sealed.fingerprint}`);
    }
    io.out(key ? `trusted key: ${key.from}` : 'trusted key: none found — the key above was not compared with a trusted one');
    io.out(options.ctx ? `record: compared with ${dbPath}` : 'record: not compared (no database)');
    if (r.valid) {
      io.out('VALID');
      return 0;
    }
    for (const p of r.problems) io.out(`${p.code}: ${p.message}`);
    io.out('NOT VALID');
    return 1;
  },
});
