// Property: a valid generated session obeys every rule and imports; the same session with ONE fact broken is
// refused by import naming that fact's bundle path, and the database (its dump and its file's bytes) is
// exactly as before. Seeded (fast-check prints the seed and the shrunk case on failure).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSessionBundle } from '../../src/bundle/import';
import { ValidationError } from '../../src/errors';
import { recordViolations } from '../../src/rules/invariants/record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { snapshot } from '../lock/fixture';
import { readSample } from '../minutes/sample';
import { mutations, validBundle } from './generate';

let db: TempDb;
beforeAll(async () => {
  db = await openTempDb();
  await importSessionBundle(db.ctx, readSample('baghdad-65'));
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
});
afterAll(() => db.cleanup());

/** The database as a hash: every table's rows, and the main file's and the WAL's bytes. */
function fingerprint(): string {
  const h = createHash('sha256').update(JSON.stringify(snapshot(db.sqlite)));
  for (const suffix of ['', '-wal']) if (fs.existsSync(db.path + suffix)) h.update(fs.readFileSync(db.path + suffix));
  return h.digest('hex');
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('record invariants, property-based', () => {
  it('a generated valid session breaks no rule', () => {
    fc.assert(
      fc.property(validBundle, (b) => {
        expect(recordViolations(b as never)).toEqual([]);
      }),
      { numRuns: 200, seed: 20261130 },
    );
  });

  it('a generated valid session imports (then is replaced, so the next run starts alike)', async () => {
    await fc.assert(
      fc.asyncProperty(validBundle, async (b) => {
        const result = await importSessionBundle(db.ctx, b, { replace: true });
        expect(result.warnings).toEqual([]);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it('one broken fact: refused, naming its path, the database unchanged', async () => {
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = fingerprint();
    await fc.assert(
      fc.asyncProperty(validBundle, fc.constantFrom(...mutations), fc.nat(1000), async (valid, mutation, pick) => {
        const b = clone(valid);
        const field = mutation.apply(b, pick);
        fc.pre(field !== null);
        const err = await importSessionBundle(db.ctx, b, { replace: true }).catch((e: unknown) => e);
        expect(err, mutation.name).toBeInstanceOf(ValidationError);
        expect((err as ValidationError).field, `${mutation.name}: ${(err as Error).message}`).toBe(field);
        expect(fingerprint()).toBe(before);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
