// The speakers' list in the record: the minutes say who took the floor, in order, in each language; the
// session bundle carries the list, and a bundle written before it existed still imports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAgendaItem } from '../../src/agenda/service';
import { bundleToJson, exportSessionBundle } from '../../src/bundle/export';
import { importSessionBundle } from '../../src/bundle/import';
import { seedMemberStates } from '../../src/member-states/seed';
import { generateMinutesHtml } from '../../src/minutes/generate';
import { addSpeaker, endTurn, giveFloor, listSpeakers } from '../../src/speakers/service';
import { createSampleSession, type SampleSession } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let s: SampleSession;
let itemId: string;
beforeEach(async () => {
  t = await openTempDb();
  s = await createSampleSession(t.ctx, { members: 3 });
  itemId = (await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'تقرير المدير العام', en: "The Director-General's report", fr: 'Rapport du Directeur général' } })).id;
  // Requested in one order, given the floor in another: the minutes follow the floor.
  const a = await addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'delegation', delegationId: s.delegationIds[0] });
  await addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'director_general' });
  await addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'observer', delegationId: s.observerDelegationId });
  await addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'delegation', delegationId: s.delegationIds[1] });
  const clock = (m: number) => t.setNow(`2026-11-10T09:${String(m).padStart(2, '0')}:00.000Z`);
  clock(1);
  const list = await listSpeakers(t.ctx, { agendaItemId: itemId });
  await giveFloor(t.ctx, { id: list.waiting[1]!.id }); // the Director-General first
  clock(5);
  await giveFloor(t.ctx, { id: a.waiting[0]!.id });
  clock(9);
  await giveFloor(t.ctx, { id: list.waiting[3]!.id });
  clock(12);
  const again = await addSpeaker(t.ctx, { agendaItemId: itemId, kind: 'director_general' });
  await giveFloor(t.ctx, { id: again.waiting.find((w) => w.kind === 'director_general')!.id });
  clock(14);
  await endTurn(t.ctx, { id: (await listSpeakers(t.ctx, { agendaItemId: itemId })).speaking!.id });
  // The observer is still waiting: not in the minutes.
});
afterEach(async () => t.cleanup());

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe("the speakers' list in the record", () => {
  it('the minutes list who took the floor on the item, in the order the floor was given, in ar, en and fr', async () => {
    const names = (await listSpeakers(t.ctx, { agendaItemId: itemId })).spoken.map((x) => x.label.en || x.kind);
    expect(names).toHaveLength(4);
    const ar = text(await generateMinutesHtml(t.ctx, s.sessionId, { lang: 'ar', timeZone: 'UTC' }));
    expect(ar).toMatch(/وتناول الكلمة، بحسب الترتيب: المدير العام، ووفد [^،]+، ووفد [^،]+، والمدير العام \(مرة ثانية\)\./);
    const en = text(await generateMinutesHtml(t.ctx, s.sessionId, { lang: 'en', timeZone: 'UTC' }));
    expect(en).toMatch(/The following took the floor, in this order: the Director-General, the delegation of [^,]+, the delegation of [^,]+ and the Director-General \(again\)\./);
    const fr = text(await generateMinutesHtml(t.ctx, s.sessionId, { lang: 'fr', timeZone: 'UTC' }));
    expect(fr).toMatch(/Ont pris la parole, dans l'ordre : le Directeur général, la délégation [^,]+, la délégation [^,]+ et le Directeur général \(à nouveau\)\./);
    expect(en).not.toMatch(/League of Arab States[^.]*took the floor/);
  });

  it('the bundle carries the list into another database; an older bundle without it still imports', async () => {
    const bundle = await exportSessionBundle(t.db, s.sessionId);
    expect(bundle.speakers).toHaveLength(5);
    const json = JSON.parse(bundleToJson(bundle)) as Record<string, unknown>;
    const other = await openTempDb();
    try {
      // A second laptop knows the organisation's member states as this one does (the minutes name those absent).
      await seedMemberStates(other.ctx);
      const result = await importSessionBundle(other.ctx, json);
      expect(result.rows.speaker).toBe(5);
      const back = await exportSessionBundle(other.db, s.sessionId);
      expect(back.speakers).toEqual(bundle.speakers);
      const htmlHere = await generateMinutesHtml(t.ctx, s.sessionId, { lang: 'ar', timeZone: 'UTC' });
      const htmlThere = await generateMinutesHtml(other.ctx, s.sessionId, { lang: 'ar', timeZone: 'UTC' });
      expect(htmlThere).toBe(htmlHere);
      // Replacing the session from the same bundle replaces its speakers too.
      await importSessionBundle(other.ctx, json, { replace: true });
      expect((await exportSessionBundle(other.db, s.sessionId)).speakers).toHaveLength(5);
    } finally {
      await other.cleanup();
    }
    const older = { ...json };
    delete older.speakers;
    const third = await openTempDb();
    try {
      const result = await importSessionBundle(third.ctx, older);
      expect(result.rows.speaker).toBe(0);
    } finally {
      await third.cleanup();
    }
  });
});
