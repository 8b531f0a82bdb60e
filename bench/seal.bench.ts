// Sealing cost: verify a sealed .docx with the record compared (load + canonical JSON + hash of the
// session's record, manifest signature check, file hash) against the baseline of hashing the file alone.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { approvedSession } from '../tests/seal/world';
import { smallDocx } from '../tests/seal/docx';
import { openTempDb } from '../tests/helpers/temp-db';
import { sealFile } from '../src/seal/sign';
import { verifySealedFile } from '../src/seal/verify';
import { ensureSealKey } from '../src/seal/keys';

async function timeIt(n: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / n;
}

export async function run(): Promise<void> {
  const t = await openTempDb();
  try {
    const { version } = await approvedSession(t);
    const docx = path.join(t.dir, 'minutes.docx');
    fs.writeFileSync(docx, await smallDocx('x '.repeat(20_000)));
    const dataDir = path.join(t.dir, 'data');
    const key = ensureSealKey(dataDir);
    const sealMs = await timeIt(1, () => sealFile(t.ctx, { versionId: version.id, filePath: docx }, { dataDir }));
    const n = 50;
    const baseline = await timeIt(n, () => createHash('sha256').update(fs.readFileSync(docx)).digest('hex'));
    const verifyFile = await timeIt(n, () => verifySealedFile(docx, { publicKeyPem: key.publicKeyPem }));
    const verifyAll = await timeIt(n, () => verifySealedFile(docx, { publicKeyPem: key.publicKeyPem, ctx: t.ctx }));
    console.log(`docx ${fs.statSync(docx).size} bytes; seal (first, incl. record hash): ${sealMs.toFixed(2)} ms`);
    console.log(`baseline sha256 of the file: ${baseline.toFixed(3)} ms`);
    console.log(`verify (file + manifest):   ${verifyFile.toFixed(3)} ms  ratio ${(verifyFile / baseline).toFixed(1)}x`);
    console.log(`verify (+ record from db):  ${verifyAll.toFixed(3)} ms  ratio ${(verifyAll / baseline).toFixed(1)}x`);
  } finally {
    await t.cleanup();
  }
}
