// Each realistic broken bundle (cases.ts) is refused by import with the bundle path of the broken fact and
// a rule code, and the database file is exactly as it was; the intact sample still imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSessionBundle } from '../../src/bundle/import';
import { ValidationError } from '../../src/errors';
import { recordViolations } from '../../src/rules/invariants/record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { snapshot } from '../lock/fixture';
import { readSample } from '../minutes/sample';
import { brokenCases } from './cases';

let db: TempDb;
let before: Record<string, unknown[]>;
beforeAll(async () => {
  db = await openTempDb();
  await importSessionBundle(db.ctx, readSample('baghdad-65'));
  before = snapshot(db.sqlite);
});
afterAll(() => db.cleanup());

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('import refuses a bundle that breaks one rule of the record', () => {
  it('the intact samples break none', () => {
    expect(recordViolations(readSample('agadir-66') as never)).toEqual([]);
    expect(recordViolations(readSample('baghdad-65') as never)).toEqual([]);
  });

  for (const c of brokenCases) {
    it(c.name, async () => {
      const bundle = clone(readSample('agadir-66')) as Record<string, unknown>;
      c.mutate(bundle);
      const err = await importSessionBundle(db.ctx, bundle).catch((e: unknown) => e);
      expect(err, c.name).toBeInstanceOf(ValidationError);
      const v = err as ValidationError;
      if (typeof c.field === 'string') expect(v.field).toBe(c.field);
      else expect(v.field).toMatch(c.field);
      expect(v.message.startsWith(`${v.field}: `)).toBe(true);
      expect(v.message).not.toMatch(/UNIQUE|constraint|Invalid time value/);
      if (c.code) expect(v.issues[0]?.code).toBe(c.code);
      if (c.message) expect(v.message).toMatch(c.message);
      expect(snapshot(db.sqlite)).toEqual(before);
    });
  }
});
