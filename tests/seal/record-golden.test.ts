// A golden record: the council-record/5 hash of the Agadir sample, pinned. Sealing and verifying share the
// canonical form (key order, encodings, what is left out), so a round trip cannot see a change to it; a seal
// made on one laptop must verify on another running another build, so the form must never drift.
// If this fails after a deliberate change to the record's form, that change needs a new record format.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { inTransaction } from '../../src/core/context';
import { importSessionBundle } from '../../src/bundle/import';
import { loadSessionRecord, recordSha256 } from '../../src/seal/record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { SAMPLES } from '../minutes/sample';

let t: TempDb;
beforeEach(async () => {
  t = await openTempDb();
});
afterEach(async () => t.cleanup());

const sample = (name: string) => JSON.parse(fs.readFileSync(path.join(SAMPLES, `${name}.json`), 'utf8')) as unknown;

it('council-record/5 of the Agadir sample hashes to the same value on every build', async () => {
  await importSessionBundle(t.ctx, sample('baghdad-65'));
  const { sessionId } = await importSessionBundle(t.ctx, sample('agadir-66'));
  const hash = await inTransaction(t.ctx, async (tx) => recordSha256(await loadSessionRecord(tx, sessionId, 'council-record/5')));
  expect(hash).toBe('0fbd2509b29939b2214787c6641cd9d0e6dd04d899a1e2e4f091a3dee9abdab1');
});
