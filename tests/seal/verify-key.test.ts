// `council verify` trusts only this installation's key or a key the user names (--key): never a .pem lying
// beside the document, which a forger can leave there with a forged document and a manifest re-signed
// with their own key. It prints the fingerprint of the key used and whether it is this installation's.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/cli/commands/seal';
import '../../src/cli/commands/verify';
import { runCli } from '../../src/cli/council';
import { ensureSealKey, fingerprintOf, PUBLIC_KEY_FILE } from '../../src/seal/keys';
import { signManifest, type SealManifest } from '../../src/seal/manifest';
import { sha256Hex } from '../../src/seal/sign';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { smallDocx } from './docx';
import { approvedSession } from './world';

let t: TempDb;
let lines: string[];
const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
const cli = async (db: string, ...argv: string[]) => {
  lines = [];
  return runCli([...argv, '--db', db], io);
};
let folder: string;
beforeEach(async () => {
  t = await openTempDb();
  folder = tempDir('received-');
});
afterEach(async () => {
  await t.cleanup();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** A forged document in `folder` with a manifest re-signed by the forger and the forger's public key beside it. */
async function forgedFolder(): Promise<{ docx: string; forgerPemPath: string; forgerFingerprint: string }> {
  const { version } = await approvedSession(t);
  const docx = path.join(folder, 'minutes.docx');
  fs.writeFileSync(docx, await smallDocx());
  expect(await cli(t.path, 'seal', version.id, docx)).toBe(0);
  const manifest = JSON.parse(fs.readFileSync(docx + '.seal.json', 'utf8')) as SealManifest;
  const forged = await smallDocx('The Council rejects the budget');
  fs.writeFileSync(docx, forged);
  const pair = generateKeyPairSync('ed25519');
  const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const { signature: _s, ...rest } = manifest;
  const resigned = signManifest(
    { ...rest, file: { ...rest.file, sha256: sha256Hex(forged), bytes: forged.length }, publicKey: pem, fingerprint: fingerprintOf(pem) },
    pair.privateKey,
  );
  fs.writeFileSync(docx + '.seal.json', JSON.stringify(resigned));
  const forgerPemPath = path.join(folder, PUBLIC_KEY_FILE);
  fs.writeFileSync(forgerPemPath, pem);
  return { docx, forgerPemPath, forgerFingerprint: fingerprintOf(pem) };
}

describe('council verify: which key is trusted', () => {
  it("a forged document with a re-signed manifest and the forger's key beside it is NOT VALID (wrong_key)", async () => {
    const { docx } = await forgedFolder();
    const own = ensureSealKey(t.dir).fingerprint;
    expect(await cli(t.path, 'verify', docx)).toBe(1);
    expect(lines).toContain('NOT VALID');
    expect(lines.some((l) => l.startsWith('wrong_key:'))).toBe(true);
    expect(lines).toContain(`trusted key: ${own} (this installation's key)`);
  });

  it('the forged folder is NOT VALID on a laptop with no key of its own either: there is no trusted key', async () => {
    const { docx } = await forgedFolder();
    const elsewhere = tempDir('elsewhere-');
    try {
      expect(await cli(path.join(elsewhere, 'council.sqlite'), 'verify', docx)).toBe(1);
      expect(lines).toContain('NOT VALID');
      expect(lines.some((l) => l.startsWith('trusted key: none'))).toBe(true);
      expect(fs.existsSync(path.join(elsewhere, 'seal'))).toBe(false);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('a key named with --key is used, and the output says it is not this installation\'s', async () => {
    const { docx, forgerPemPath, forgerFingerprint } = await forgedFolder();
    // The user explicitly trusting the forger's key is the user's decision: the signature then checks out,
    // and the output names that key so the user can compare its fingerprint with the one they were sent.
    expect(await cli(t.path, 'verify', docx, '--key', forgerPemPath)).toBe(0);
    expect(lines).toContain(`trusted key: ${forgerFingerprint} (given with --key ${forgerPemPath}; not this installation's key)`);
  });

  it('an untouched sealed file verifies with the installation key and with the same key named by --key', async () => {
    const { version } = await approvedSession(t);
    const docx = path.join(folder, 'minutes.docx');
    fs.writeFileSync(docx, await smallDocx());
    expect(await cli(t.path, 'seal', version.id, docx)).toBe(0);
    expect(await cli(t.path, 'verify', docx)).toBe(0);
    expect(lines.at(-1)).toBe('VALID');
    const own = ensureSealKey(t.dir);
    expect(await cli(t.path, 'verify', docx, '--key', own.publicKeyPath)).toBe(0);
    expect(lines).toContain(`trusted key: ${own.fingerprint} (given with --key ${own.publicKeyPath}; this installation's key)`);
  });
});
