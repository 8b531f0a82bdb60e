// Bundles written by every earlier shape of format 1 still import (one of each kept in tests/fixtures/bundles):
//   v1-first              4a7965f: no followUpUpdates, no session.timeZone
//   v1-before-time-zone   5a44dc6: followUpUpdates, no session.timeZone (resources/samples before ec4e100)
//   current               resources/samples: session.timeZone
//   v1-before-translations 3191e3d: schema 0013, no `_en`/`_fr` translation fields (migration 0018)
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importSessionBundle } from '../../src/bundle/import';
import { loadSessionRows } from '../../src/minutes/load-record';
import { recordViolations } from '../../src/rules/invariants/record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { readSample } from '../minutes/sample';

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/bundles');
const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));

const open: TempDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.cleanup();
});

describe('earlier bundle formats', () => {
  for (const [name, followUps, zone] of [
    ['v1-first.agadir-66.json', 0, ''],
    ['v1-before-time-zone.agadir-66.json', 2, ''],
    ['current', 2, 'Africa/Casablanca'],
  ] as const) {
    it(`imports ${name}`, async () => {
      const db = await openTempDb();
      open.push(db);
      await importSessionBundle(db.ctx, readSample('baghdad-65'));
      const bundle = name === 'current' ? readSample('agadir-66') : read(name);
      const result = await importSessionBundle(db.ctx, bundle);
      expect(result.warnings).toEqual([]);
      expect(result.rows.followUpUpdates).toBe(followUps);
      const rows = await loadSessionRows(db.db, result.sessionId);
      expect(rows.session.timeZone).toBe(zone);
      expect(rows.decisions).toHaveLength(6);
      expect(rows.voteBallots).toHaveLength(24);
      expect(recordViolations(rows)).toEqual([]);
    });
  }
});

describe('a bundle written before the translations of the record (schema 0013)', () => {
  it('imports with every translation empty, the record rules holding', async () => {
    const db = await openTempDb();
    open.push(db);
    const bundle = read('v1-before-translations.cairo-x12.json') as { schema: string; notes: object[] };
    expect(bundle.schema).toBe('0013_motion_consolidated_text');
    expect(bundle.notes.filter((n) => 'textEn' in n || 'textFr' in n)).toEqual([]);
    const result = await importSessionBundle(db.ctx, bundle);
    expect(result.warnings).toEqual([]);
    const rows = await loadSessionRows(db.db, result.sessionId);
    expect(rows.notes).toHaveLength(bundle.notes.length);
    expect(rows.notes.every((n) => n.textEn === '' && n.textFr === '')).toBe(true);
    expect(rows.votes).toHaveLength(2);
    expect(recordViolations(rows)).toEqual([]);
  });
});
