// Every API input refuses unknown keys (a typo in the settings is refused, not lost), every refusal names a
// field, text obeys the one text rule, and a not-found message does not echo a huge input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { apiCalls } from '../../src/api/contract';
import { createDispatcher, type Dispatcher } from '../../src/api/dispatch';
import { getSession } from '../../src/sessions/service';
import { updateOrganisationSettings } from '../../src/settings/service';
import { createSampleSession } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { snapshot } from '../lock/fixture';

/** Paths of the object schemas under `schema` that let unknown keys through. */
function lenientObjects(schema: z.ZodType, path = '', seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const def = (schema as any)?._zod?.def;
  if (!def) return [];
  const out: string[] = [];
  if (def.type === 'object') {
    if (def.catchall?._zod?.def?.type !== 'never') out.push(path || '(input)');
    for (const [k, v] of Object.entries(def.shape)) out.push(...lenientObjects(v as z.ZodType, `${path}.${k}`, seen));
  }
  for (const key of ['innerType', 'in', 'out', 'element', 'schema', 'left', 'right']) if (def[key]) out.push(...lenientObjects(def[key], path, seen));
  for (const o of def.options ?? []) out.push(...lenientObjects(o, path, seen));
  return out;
}

let db: TempDb;
let dispatch: Dispatcher;
let sessionId: string;
beforeAll(async () => {
  db = await openTempDb();
  dispatch = createDispatcher(db.ctx);
  sessionId = (await createSampleSession(db.ctx, { members: 5 })).sessionId;
});
afterAll(() => db.cleanup());

describe('API inputs', () => {
  it('every call refuses unknown keys, at every depth', () => {
    const lenient = Object.entries(apiCalls).flatMap(([name, c]) => lenientObjects(c.input as z.ZodType).map((p) => `${name} ${p}`));
    expect(lenient).toEqual([]);
  });

  it('a typo in the settings is refused, naming the key, and nothing changes', async () => {
    const before = snapshot(db.sqlite);
    const r = await dispatch('settings.update', { decisionNumberPatern: { ar: '{serial}', en: '{serial}', fr: '{serial}' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'decisionNumberPatern' } });
    await expect(updateOrganisationSettings(db.ctx, { name: { ar: 'م', en: 'O', fr: 'O', typo: 1 } })).rejects.toMatchObject({ field: 'name.typo' });
    expect(snapshot(db.sqlite)).toEqual(before);
  });

  it('a refusal of the whole input names it `input`, never an empty field', async () => {
    for (const payload of [null, 42, 'x', []]) {
      const r = await dispatch('sessions.get', payload);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.field).toBe('input');
    }
    await expect(getSession(db.ctx, null)).rejects.toMatchObject({ code: 'VALIDATION', field: 'input' });
  });

  it('text with a NUL, a control character or a lone surrogate is refused, naming the field', async () => {
    const venue = (city: string) => ({ city: { ar: city, en: 'Rabat', fr: 'Rabat' }, country: { ar: 'المغرب', en: 'Morocco', fr: 'Maroc' } });
    const base = { kind: 'extraordinary', number: 9, startDate: '2026-12-01', endDate: '2026-12-01' };
    for (const [city, rule] of [['الرباط\u0000', 'text_control_character'], ['Ra\u000Cbat', 'text_control_character'], ['Rabat \uD800', 'text_lone_surrogate']] as const) {
      const r = await dispatch('sessions.create', { ...base, venue: venue(city) });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'venue.city.ar', issues: [{ code: rule }] } });
    }
    const ok = await dispatch('sessions.create', { ...base, venue: venue('الرباط\tالعاصمة\n') });
    expect(ok.ok).toBe(true);
  });

  it('a not-found message does not echo 100 KB of input', async () => {
    const r = await dispatch('sittings.list', { sessionId: 'x'.repeat(100_000) });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'sessionId' } });
    if (!r.ok) expect(r.error.message.length).toBeLessThan(200);
    expect(sessionId).toBeTruthy();
  });
});
