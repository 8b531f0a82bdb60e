import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, sql } from 'kysely';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/context';
import { CouncilSqliteDialect } from '../../src/database/dialect';
import { migrateTo, openDatabase } from '../../src/database/open';
import type { Database } from '../../src/database/schema';
import { deleteDecision, recordDecision } from '../../src/decisions/service';
import { ValidationError } from '../../src/errors';
import { registerCouncilFunctions } from '../../src/database/functions';
import { rebuildSearchIndex, search } from '../../src/search/service';
import type { SearchHit } from '../../src/search/types';
import { createAction } from '../../src/actions/service';
import { createReferral } from '../../src/referrals/service';
import { createReservation, updateReservation } from '../../src/reservations/service';
import { insertItem, insertMemberDelegation, insertMotion, insertSession, makeWorld, type World } from '../decisions/world';
import { tempDir, type TempDb } from '../helpers/temp-db';

let w: World;
afterEach(async () => {
  await w?.t.cleanup();
});

async function insertNote(t: TempDb, item: { id: string; sessionId: string }, text: string, language: 'ar' | 'en' | 'fr' = 'ar'): Promise<string> {
  const id = newId();
  await t.db
    .insertInto('note')
    .values({ id, sessionId: item.sessionId, agendaItemId: item.id, at: '2024-11-20T10:00:00.000Z', speakerKind: 'chair', speakerDelegationId: null, speakerName: 'الرئيس', text, language })
    .execute();
  return id;
}

async function ids(query: string, extra: object = {}): Promise<string[]> {
  return (await search(w.t.ctx, { query, ...extra })).hits.map((h) => h.id);
}

/** Two sessions' worth of titles, notes, a motion and a decision in the three languages. */
async function corpus() {
  w = await makeWorld(); // 66th session, item 1 'الميزانية'
  const item2 = await insertItem(w.t, w.session.id, { ar: 'تقرير المدير العام عن أعمال المنظمة', en: "Director-General's report", fr: 'Rapport du Directeur général' }, 2);
  const sub = await insertItem(w.t, w.session.id, { ar: 'المنتدى العربي للصناعات الصغيرة', en: 'SME forum', fr: 'Forum des PME' }, 1, item2.id);
  const notes = {
    prefixed: await insertNote(w.t, w.item, 'وبالميزانيّة المقترحة للعام القادم تتحقق أهداف المنظمة.'),
    vowelled: await insertNote(w.t, w.item, 'أكَّد الوفدُ أهميةَ المـــيزانية والإِنشاءات الجديدة.'),
    stability: await insertNote(w.t, item2, 'تحدث الوفد عن الاستقرار في المستوى الإقليمي.'),
    english: await insertNote(w.t, item2, 'The delegation welcomed the BUDGET proposal and its Implementation.', 'en'),
    french: await insertNote(w.t, sub, "Le développement industriel et l'élaboration des normes.", 'fr'),
    budgetHer: await insertNote(w.t, sub, 'ناقش المجلس ميزانيتها وتنمية صناعية مستدامة.'),
  };
  const motion = await insertMotion(w.t, w.item, { text: 'مشروع قرار بشأن اعتماد الميزانية' });
  const decision = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, motionId: motion.id, adoptedAt: '2024-11-20T11:00:00Z', text: { ar: 'يقرر المجلس اعتماد الميزانية', en: 'The Council adopts the budget', fr: 'Le Conseil adopte le budget' } });
  const s67 = await insertSession(w.t, { number: 67, startDate: '2025-05-10' });
  const item67 = await insertItem(w.t, s67.id, { ar: 'الحسابات الختامية والميزانية', en: 'Final accounts and budget', fr: 'Comptes et budget' });
  return { item2, sub, notes, motion, decision, s67, item67 };
}

describe('search', () => {
  it('finds a word under its article and attached prefixes', async () => {
    const c = await corpus();
    const found = await ids('ميزانية');
    expect(found).toEqual(expect.arrayContaining([w.item.id, c.notes.prefixed, c.notes.vowelled, c.motion.id, c.decision.id, c.item67.id]));
    expect(found).not.toContain(c.notes.budgetHer); // ميزانيتها is another word form; ميزاني* finds it
    expect(await ids('ميزاني*')).toContain(c.notes.budgetHer);
    // Typed with the article, or with ب + article, it still finds the bare and the prefixed forms.
    expect(await ids('الميزانية')).toEqual(expect.arrayContaining([c.notes.prefixed, c.notes.vowelled, w.item.id]));
    expect(await ids('بالميزانية')).toEqual(expect.arrayContaining([c.notes.prefixed, w.item.id]));
  });

  it('ignores tashkeel and tatweel, folds alef forms, taa marbuta and alef maqsura, in text and query', async () => {
    const c = await corpus();
    expect(await ids('الْمِيزَانِيَّة')).toContain(c.notes.vowelled);
    expect(await ids('ميزانيه')).toContain(c.notes.prefixed);
    expect(await ids('اكد اهميه')).toEqual([c.notes.vowelled]);
    expect(await ids('الانشاءات')).toEqual([c.notes.vowelled]);
    expect(await ids('مستوي')).toEqual([c.notes.stability]);
    expect(await ids('المستوى')).toEqual([c.notes.stability]);
    expect(await ids('اعمال')).toEqual([c.item2.id]);
  });

  it('does not match inside another word (قرار is not in استقرار)', async () => {
    const c = await corpus();
    const found = await ids('قرار');
    expect(found).toContain(c.motion.id); // "مشروع قرار"
    expect(found).not.toContain(c.notes.stability);
  });

  it('is case- and accent-insensitive in English and French', async () => {
    const c = await corpus();
    expect(await ids('budget proposal')).toEqual([c.notes.english]);
    expect(await ids('IMPLEMENTATION')).toEqual([c.notes.english]);
    expect(await ids('developpement')).toEqual([c.notes.french]);
    expect(await ids('ÉLABORATION Normes')).toEqual([c.notes.french]);
  });

  it('matches phrases in order, and decision numbers in either digits', async () => {
    const c = await corpus();
    // A phrase matches its words as written (folded): an attached و is part of the word.
    expect(await ids('"وتنمية صناعية"')).toEqual([c.notes.budgetHer]);
    expect(await ids('"صناعية وتنمية"')).toEqual([]);
    expect(await ids('تنمية صناعية')).toEqual([c.notes.budgetHer]);
    expect(await ids('ق.م.ت/66/1')).toEqual([c.decision.id]);
    expect(await ids('EC/66/1')).toEqual([c.decision.id]);
    expect(await ids('٦٦/١')).toEqual([c.decision.id]);
  });

  it('returns ranked hits with their kind, session, agenda item and a snippet of the text as written', async () => {
    const c = await corpus();
    const res = await search(w.t.ctx, { query: 'ميزانية' });
    expect(res.total).toBe(res.hits.length);
    const scores = res.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const note = res.hits.find((h) => h.id === c.notes.prefixed) as SearchHit;
    expect(note).toMatchObject({
      kind: 'note',
      field: 'text',
      session: { id: w.session.id, kind: 'ordinary', number: 66 },
      agendaItem: { id: w.item.id, number: '1', displayTitle: '1. الميزانية' },
      decisionNumber: null,
    });
    const h = note.snippet.highlights[0]!;
    expect(note.snippet.text.slice(h.start, h.end)).toBe('وبالميزانيّة');
    const decision = res.hits.find((x) => x.id === c.decision.id)!;
    expect(decision).toMatchObject({ kind: 'decision', decisionNumber: { ar: 'ق.م.ت/66/1' }, field: 'ar' });
    // Sub-items carry their display number; titles follow the language asked for.
    const fr = await search(w.t.ctx, { query: 'normes', language: 'fr' });
    expect(fr.hits[0]!.agendaItem).toMatchObject({ number: '2.1', displayTitle: '2.1. Forum des PME' });
    const en = await search(w.t.ctx, { query: 'budget', language: 'en', kinds: ['decision'] });
    expect(en.hits.map((x) => [x.id, x.field])).toEqual([[c.decision.id, 'en']]);
    expect(en.hits[0]!.snippet.text).toBe('The Council adopts the budget');
  });

  it('ranks a short title that is all about the word above a long passage that mentions it once', async () => {
    await corpus();
    const long = await insertNote(w.t, w.item, `${'تحدث الوفد عن التعاون الصناعي العربي والتقييس والتعدين '.repeat(12)} ثم الميزانية.`);
    const res = await search(w.t.ctx, { query: 'الميزانية', kinds: ['agenda_item', 'note'] });
    const order = res.hits.map((h) => h.id);
    expect(order.indexOf(w.item.id)).toBeLessThan(order.indexOf(long));
    const snippet = res.hits.find((h) => h.id === long)!.snippet;
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.slice(snippet.highlights[0]!.start, snippet.highlights[0]!.end)).toBe('الميزانية');
  });

  it('filters by session and kind, and pages', async () => {
    const c = await corpus();
    expect(await ids('ميزانية', { sessionId: c.s67.id })).toEqual([c.item67.id]);
    expect(await ids('ميزانية', { kinds: ['motion', 'decision'] })).toEqual(expect.arrayContaining([c.motion.id, c.decision.id]));
    expect((await ids('ميزانية', { kinds: ['motion', 'decision'] })).length).toBe(2);
    const all = await ids('ميزانية');
    const page2 = await ids('ميزانية', { limit: 2, offset: 2 });
    expect(page2).toEqual(all.slice(2, 4));
  });

  it('stays in step with the records: edits and deletions', async () => {
    const c = await corpus();
    await w.t.db.updateTable('note').set({ text: 'حديث عن المواصفات القياسية' }).where('id', '=', c.notes.prefixed).execute();
    expect(await ids('ميزانية')).not.toContain(c.notes.prefixed);
    expect(await ids('المواصفات')).toEqual([c.notes.prefixed]);
    await w.t.db.deleteFrom('note').where('id', '=', c.notes.prefixed).execute();
    expect(await ids('المواصفات')).toEqual([]);
    const d2 = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: '2024-11-20T12:00:00Z', text: { ar: 'يقرر المجلس عقد الدورة المقبلة في الرباط' } });
    expect(await ids('الرباط')).toEqual([d2.id]);
    await deleteDecision(w.t.ctx, { id: d2.id });
    expect(await ids('الرباط')).toEqual([]);
    const docs = await w.t.db.selectFrom('searchDoc').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const fts = await sql<{ n: number }>`select count(*) as n from search_fts`.execute(w.t.db);
    expect(Number(fts.rows[0]!.n)).toBe(Number(docs.n));
  });

  it('rebuilds the index from the records', async () => {
    const c = await corpus();
    await sql`delete from search_fts`.execute(w.t.db);
    await sql`delete from search_doc`.execute(w.t.db);
    expect(await ids('ميزانية')).toEqual([]);
    const counts = await rebuildSearchIndex(w.t.ctx, {});
    expect(counts).toEqual({ agendaItems: 4, notes: 6, motions: 1, decisions: 1, reservations: 0, referrals: 0, actions: 0 });
    expect(await ids('ميزانية')).toEqual(expect.arrayContaining([c.notes.prefixed, c.decision.id, c.item67.id]));
    const audit = await w.t.db.selectFrom('auditEntry').select('action').where('action', '=', 'search.rebuild').execute();
    expect(audit).toHaveLength(1);
  });

  it('finds reservations (by their text or their state), referrals and follow-up actions, each opening its decision', async () => {
    const c = await corpus();
    const algeria = w.states.find((st) => st.isoCode === 'IQ')!;
    await insertMemberDelegation(w.t, w.session.id, algeria);
    const reservation = await createReservation(w.t.ctx, { decisionId: c.decision.id, memberStateId: algeria.id, text: 'يتحفظ الوفد على البند الثالث من الميزانية التكميلية' });
    const referral = await createReferral(w.t.ctx, { decisionId: c.decision.id, body: 'general_assembly', note: 'لاعتماد الاعتمادات الإضافية' });
    const action = await createAction(w.t.ctx, { decisionId: c.decision.id, description: 'Prepare the supplementary estimates', responsible: { kind: 'secretariat_unit', unit: 'Finance' } });
    const standalone = await createAction(w.t.ctx, { sessionId: w.session.id, description: 'Circulate the hotel list', responsible: { kind: 'secretariat_unit', unit: 'Protocol' } });

    const r = await search(w.t.ctx, { query: 'التكميلية' });
    expect(r.hits.map((h) => [h.kind, h.id, h.decisionId])).toEqual([['reservation', reservation.id, c.decision.id]]);
    expect(r.hits[0]).toMatchObject({ agendaItem: { id: w.item.id, displayTitle: '1. الميزانية' }, decisionNumber: { ar: 'ق.م.ت/66/1' } });
    expect(await ids('Iraq', { kinds: ['reservation'] })).toEqual([reservation.id]);
    expect(await ids('العراق', { kinds: ['reservation'] })).toEqual([reservation.id]);
    expect(await ids('الإضافية')).toEqual([referral.id]);
    expect(await ids('estimates')).toEqual([action.id]);
    const hotel = await search(w.t.ctx, { query: 'hotel' });
    expect(hotel.hits.map((h) => [h.kind, h.id, h.agendaItem, h.decisionId])).toEqual([['action', standalone.id, null, null]]);
    expect(hotel.hits[0]!.snippet.text).toBe('Circulate the hotel list');

    // Edits and removals follow, as for the other kinds.
    await updateReservation(w.t.ctx, { id: reservation.id, text: 'يتحفظ الوفد على الفقرة الرابعة' });
    expect(await ids('التكميلية')).toEqual([]);
    expect(await ids('الرابعة')).toEqual([reservation.id]);
    const counts = await rebuildSearchIndex(w.t.ctx, {});
    expect(counts).toMatchObject({ reservations: 1, referrals: 1, actions: 2 });
    expect(await ids('الرابعة')).toEqual([reservation.id]);
    expect(await ids('hotel')).toEqual([standalone.id]);
  });

  it('counts every hit with one match, and past the last page still says how many there are', async () => {
    await corpus();
    const all = await search(w.t.ctx, { query: 'ميزانية' });
    const page = await search(w.t.ctx, { query: 'ميزانية', limit: 1 });
    expect(page.hits).toHaveLength(1);
    expect(page.total).toBe(all.hits.length);
    const past = await search(w.t.ctx, { query: 'ميزانية', offset: 500 });
    expect(past).toMatchObject({ hits: [], total: all.hits.length });
  });

  it('refuses a query with nothing to search for', async () => {
    w = await makeWorld();
    for (const query of ['', '   ', '?!،…', '""']) {
      const err = await search(w.t.ctx, { query }).catch((e: unknown) => e);
      expect(err, query).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe('query');
    }
    await expect(search(w.t.ctx, { query: 'x', kinds: ['vote'] })).rejects.toBeInstanceOf(ValidationError);
  });

  it('quotes what people type, so FTS5 syntax in a query is just text', async () => {
    w = await makeWorld();
    await insertNote(w.t, w.item, 'NEAR the OR and NOT column: body');
    expect((await search(w.t.ctx, { query: 'NEAR OR NOT body: "column' })).hits).toHaveLength(1);
  });
});

describe('the index and the database file', () => {
  it('indexes records written before migration 0002 when the file is upgraded', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const raw = new BetterSqlite3(file);
    registerCouncilFunctions(raw);
    const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(raw), plugins: [new CamelCasePlugin()] });
    await migrateTo(db, '0001_council_record');
    const fake = { db, now: () => new Date(), dir, path: file } as unknown as TempDb;
    const session = await insertSession(fake, { number: 60, startDate: '2021-05-10' });
    const item = await insertItem(fake, session.id, { ar: 'اعتماد الميزانية' });
    await db.destroy();
    const opened = await openDatabase({ path: file });
    const ctx = { db: opened.db, now: () => new Date() };
    expect((await search(ctx, { query: 'ميزانية' })).hits.map((h) => h.id)).toEqual([item.id]);
    expect(opened.backupsTaken).toHaveLength(1);
    await opened.close();
  });

  it('indexes the reservations, referrals and actions already there when a file is upgraded past migration 0011', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v4.sqlite');
    const raw = new BetterSqlite3(file);
    registerCouncilFunctions(raw);
    const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(raw), plugins: [new CamelCasePlugin()] });
    await migrateTo(db, '0004_session_time_zone');
    const fake = { db, now: () => new Date(), dir, path: file } as unknown as TempDb;
    const session = await insertSession(fake, { number: 61, startDate: '2021-11-10' });
    const item = await insertItem(fake, session.id, { ar: 'اعتماد الميزانية' });
    const note = newId();
    await db.insertInto('note').values({ id: note, sessionId: session.id, agendaItemId: item.id, at: '2021-11-10T10:00:00.000Z', speakerKind: 'chair', speakerDelegationId: null, speakerName: '', text: 'كلمة عن الميزانية', language: 'ar' }).execute();
    const decision = newId();
    await db.insertInto('decision').values({ id: decision, sessionId: session.id, agendaItemId: item.id, motionId: null, serial: 1, numberAr: 'ق.م.ت/61/1', numberEn: 'EC/61/1', numberFr: 'CE/61/1', textAr: 'اعتماد', textEn: 'Adopted', textFr: 'Adopté', adoptedAt: '2021-11-10T11:00:00.000Z', adoptedBy: 'consensus', createdAt: '2021-11-10T11:00:00.000Z' } as never).execute();
    const referral = newId();
    await db.insertInto('referral').values({ id: referral, sessionId: session.id, decisionId: decision, body: 'general_assembly', bodyName: '', note: 'للمصادقة النهائية', createdAt: '2021-11-10T11:00:00.000Z' }).execute();
    await db.destroy();

    const opened = await openDatabase({ path: file });
    const ctx = { db: opened.db, now: () => new Date() };
    expect((await search(ctx, { query: 'للمصادقة' })).hits.map((h) => [h.kind, h.id, h.decisionId])).toEqual([['referral', referral, decision]]);
    // The records indexed before keep their place: the note is still found, once.
    expect((await search(ctx, { query: 'ميزانية', kinds: ['note'] })).hits.map((h) => h.id)).toEqual([note]);
    expect((await search(ctx, { query: 'اعتماد', kinds: ['decision'] })).hits.map((h) => h.decisionId)).toEqual([decision]);
    await opened.close();
  });

  it('refuses writes from a connection that lacks the folding functions, rather than let the index drift', async () => {
    w = await makeWorld();
    const raw = new BetterSqlite3(w.t.path);
    expect(() =>
      raw
        .prepare(`insert into note (id, session_id, agenda_item_id, at, speaker_kind, speaker_name, text, language) values (?, ?, ?, ?, 'chair', '', 'x', 'ar')`)
        .run(newId(), w.session.id, w.item.id, '2024-11-20T10:00:00.000Z'),
    ).toThrow(/no such function: council_(search_body|locked_session)/); // the lock triggers (0005) also call one
    raw.close();
  });
});
