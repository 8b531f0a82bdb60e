// Search on a "30-year database": 60 sessions × 60 agenda items, 8 notes an item, a motion an item, a
// decision every other item, in Arabic (with attached prefixes and some tashkeel), English and French.
// Prints p50/p95 of the search service and of its bare FTS5 query, against baselines measured in the same
// run: a plain FTS5 unicode61 table over the unfolded text (fast, but blind to الميزانية from ميزانية), a
// LIKE scan, and a trigram table over the folded text (the alternative design), with their hit counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/database/open';
import { foldForSearch } from '../src/rules/arabic-normalize';
import { search } from '../src/search/service';
import { parseQuery } from '../src/search/query';

const SESSIONS = 60;
const ITEMS = 60;
const NOTES_PER_ITEM = 8;
const REPS = 15;

// A tiny seeded generator, so every run builds the same database.
let seed = 42;
function rand(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const AR_NOUNS = [
  'ميزانية', 'منظمة', 'مواصفات', 'تقييس', 'تعدين', 'صناعة', 'تنمية', 'مساهمات', 'دول', 'أعضاء', 'تقرير', 'مدير', 'لجنة',
  'اجتماع', 'دورة', 'قرار', 'توصية', 'مشروع', 'برنامج', 'استثمار', 'طاقة', 'معادن', 'مؤتمر', 'منتدى', 'شراكة', 'خطة',
  'متابعة', 'حسابات', 'مراجعة', 'رقابة', 'جمعية', 'مجلس', 'أمانة', 'استقرار', 'إنتاج', 'تصدير', 'جودة', 'اعتماد',
];
const AR_VERBS = ['ناقش', 'أكد', 'اقترح', 'وافق', 'طلب', 'أشاد', 'تابع', 'درس', 'أوصى', 'قرر'];
const AR_SUBJECTS = ['المجلس', 'الوفد', 'الرئيس', 'المدير العام', 'وفد المملكة المغربية', 'وفد جمهورية العراق', 'الأمانة'];
const AR_PREFIXES = ['', '', 'ال', 'ال', 'وال', 'بال', 'لل', 'و', 'ب', 'وبال', 'فال', 'كال'];
const TASHKEEL = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652'];

// Filler words (plausible letter strings) so the domain words are as rare as in real minutes (a few %).
const AR_LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const AR_FILLER = Array.from({ length: 3000 }, () => Array.from({ length: 4 + Math.floor(rand() * 3) }, () => pick(AR_LETTERS)).join(''));
function arWord(): string {
  let w = rand() < 0.12 ? pick(AR_NOUNS) : AR_FILLER[Math.floor(rand() ** 2 * AR_FILLER.length)]!;
  const prefix = pick(AR_PREFIXES);
  w = prefix + w;
  if (rand() < 0.15) w = [...w].map((ch) => (rand() < 0.3 ? ch + pick(TASHKEEL) : ch)).join('');
  return w;
}
function arSentence(words: number): string {
  const out = [pick(AR_VERBS), pick(AR_SUBJECTS)];
  for (let i = 0; i < words; i++) out.push(arWord());
  return out.join(' ') + '.';
}
const EN = ['budget', 'organization', 'standards', 'mining', 'industry', 'development', 'contributions', 'member', 'states', 'report', 'Director-General', 'committee', 'session', 'decision', 'programme', 'investment', 'energy', 'forum', 'partnership', 'follow-up', 'audit', 'Council', 'General Assembly', 'quality'];
const FR = ['budget', 'organisation', 'normes', 'mines', 'industrie', 'développement', 'contributions', 'États', 'membres', 'rapport', 'Directeur général', 'comité', 'session', 'décision', 'programme', 'investissement', 'énergie', 'forum', 'partenariat', 'suivi', 'contrôle', 'Conseil', 'Assemblée générale', 'qualité', 'élaboration'];
const LATIN_FILLER = Array.from({ length: 3000 }, () => Array.from({ length: 4 + Math.floor(rand() * 6) }, () => pick([...'abcdefghilmnoprstuvé'])).join(''));
const latin = (vocab: string[], n: number) => {
  const w = Array.from({ length: n }, () => (rand() < 0.12 ? pick(vocab) : LATIN_FILLER[Math.floor(rand() ** 2 * LATIN_FILLER.length)]!));
  w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
  return `${w.join(' ')}.`;
};

/** The bench's database; tests/search builds a small one (fewer sessions and items) from the same generator. */
export function buildDatabase(sqlite: import('better-sqlite3').Database, size = { sessions: SESSIONS, items: ITEMS }): { docs: number; rawTexts: string[] } {
  const rawTexts: string[] = [];
  const now = '2026-01-01T00:00:00.000Z';
  const insSession = sqlite.prepare(`insert into council_session (id, kind, number, venue_city_ar, venue_city_en, venue_city_fr, venue_country_ar,
    venue_country_en, venue_country_fr, start_date, end_date, languages_json, status, member_count, quorum_rule, default_majority_rule,
    last_decision_serial, created_at, updated_at) values (?, 'ordinary', ?, 'الرباط', 'Rabat', 'Rabat', 'المغرب', 'Morocco', 'Maroc', ?, ?,
    '["ar","en","fr"]', 'closed', 21, 'two_thirds_of_members', 'simple_majority_of_votes_cast', ?, ?, ?)`);
  const insItem = sqlite.prepare(`insert into agenda_item (id, session_id, parent_id, position, title_ar, title_en, title_fr, presenter,
    document_refs_json, status, created_at) values (?, ?, null, ?, ?, ?, ?, '', '[]', 'discussed', ?)`);
  const insNote = sqlite.prepare(`insert into note (id, session_id, agenda_item_id, at, speaker_kind, speaker_name, text, language)
    values (?, ?, ?, ?, 'delegation', '', ?, ?)`);
  const insMotion = sqlite.prepare(`insert into motion (id, session_id, agenda_item_id, text_ar, text_en, text_fr, status, decided_by,
    created_at) values (?, ?, ?, ?, ?, ?, 'adopted', 'consensus', ?)`);
  const insDecision = sqlite.prepare(`insert into decision (id, session_id, agenda_item_id, motion_id, serial, number_ar, number_en, number_fr,
    text_ar, text_en, text_fr, adopted_at, adopted_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'consensus', ?)`);
  let docs = 0;
  sqlite.transaction(() => {
    for (let s = 0; s < size.sessions; s++) {
      const number = 8 + s;
      const year = 1996 + Math.floor(s / 2);
      const start = `${year}-${s % 2 === 0 ? '05' : '11'}-10`;
      const sessionId = randomUUID();
      insSession.run(sessionId, number, start, start, size.items / 2, now, now);
      let serial = 0;
      for (let i = 0; i < size.items; i++) {
        const itemId = randomUUID();
        const title = [`${arWord()} ${arWord()} ${arWord()}`, latin(EN, 4), latin(FR, 4)] as const;
        insItem.run(itemId, sessionId, i + 1, ...title, now);
        rawTexts.push(title.join(' '));
        docs++;
        for (let n = 0; n < NOTES_PER_ITEM; n++) {
          const lang = n < 6 ? 'ar' : n === 6 ? 'en' : 'fr';
          const text = lang === 'ar' ? arSentence(15 + Math.floor(rand() * 25)) : latin(lang === 'en' ? EN : FR, 20 + Math.floor(rand() * 20));
          insNote.run(randomUUID(), sessionId, itemId, `${start}T10:00:00.000Z`, text, lang);
          rawTexts.push(text);
          docs++;
        }
        const motionId = randomUUID();
        const motion = [`مشروع قرار: ${arSentence(12)}`, latin(EN, 14), latin(FR, 14)] as const;
        insMotion.run(motionId, sessionId, itemId, ...motion, now);
        rawTexts.push(motion.join(' '));
        docs++;
        if (i % 2 === 0) {
          serial++;
          const numbers = [`ق.م.ت/${number}/${serial}`, `EC/${number}/${serial}`, `CE/${number}/${serial}`] as const;
          const texts = [`إن المجلس التنفيذي، ${arSentence(20)}`, latin(EN, 25), latin(FR, 25)] as const;
          insDecision.run(randomUUID(), sessionId, itemId, motionId, serial, ...numbers, ...texts, `${start}T11:00:00.000Z`, now);
          rawTexts.push([...numbers, ...texts].join(' '));
          docs++;
        }
      }
    }
  })();
  return { docs, rawTexts };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
}
const fmt = (x: number) => x.toFixed(2).padStart(8);

export const QUERIES = [
  'ميزانية', 'الميزانية', 'للمواصفات', 'تقييس', 'التعدين', 'قرار', 'المدير العام', 'مساهمات', 'وفد جمهورية العراق',
  'ميزاني*', 'ق.م.ت/45/3', 'budget', 'développement', 'partnership', 'élaboration',
];

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-bench-search-'));
  const file = path.join(dir, 'thirty-years.sqlite');
  const opened = await openDatabase({ path: file });
  const { sqlite } = opened;
  const ctx = { db: opened.db, now: () => new Date() };
  try {
    sqlite.pragma('synchronous = OFF');
    let t0 = performance.now();
    const { docs, rawTexts } = buildDatabase(sqlite);
    const buildMs = performance.now() - t0;
    console.log(`built ${docs} indexed records (${SESSIONS} sessions × ${ITEMS} items) in ${(buildMs / 1000).toFixed(1)} s, index kept by triggers`);

    // Baselines over the same texts (Arabic side: titles, notes, motions and decisions as stored).
    t0 = performance.now();
    sqlite.exec(`create virtual table plain_fts using fts5(body, tokenize = 'unicode61 remove_diacritics 2');
      create virtual table tri_fts using fts5(body, tokenize = 'trigram');
      create table plain_text (id integer primary key, body text)`);
    const insPlain = sqlite.prepare('insert into plain_fts (rowid, body) values (?, ?)');
    const insTri = sqlite.prepare('insert into tri_fts (rowid, body) values (?, ?)');
    const insText = sqlite.prepare('insert into plain_text (id, body) values (?, ?)');
    sqlite.transaction(() => {
      rawTexts.forEach((text, i) => {
        insPlain.run(i + 1, text);
        insTri.run(i + 1, foldForSearch(text));
        insText.run(i + 1, text);
      });
    })();
    sqlite.pragma('synchronous = FULL');
    console.log(`baseline tables built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const size = (table: string) =>
      (sqlite.prepare(`select coalesce(sum(length(block)), 0) as n from ${table}_data`).get() as { n: number }).n / 1e6;
    console.log(`index sizes (MB): ours ${size('search_fts').toFixed(1)}, plain unicode61 ${size('plain_fts').toFixed(1)}, trigram ${size('tri_fts').toFixed(1)}`);

    const ours = sqlite.prepare(`select d.entity_id from search_fts join search_doc d on d.id = search_fts.rowid
      where search_fts match ? order by bm25(search_fts, 1.0, 0.6) limit 50`);
    const oursCount = sqlite.prepare('select count(*) as n from search_fts where search_fts match ?');
    const plain = sqlite.prepare('select rowid from plain_fts where plain_fts match ? order by rank limit 50');
    const plainCount = sqlite.prepare('select count(*) as n from plain_fts where plain_fts match ?');
    const tri = sqlite.prepare('select rowid from tri_fts where tri_fts match ? order by rank limit 50');
    const triCount = sqlite.prepare('select count(*) as n from tri_fts where tri_fts match ?');
    const like = sqlite.prepare('select count(*) from plain_text where body like ?');
    const plainExpr = (q: string) => q.split(/\s+/).map((w) => (w.endsWith('*') ? `"${w.slice(0, -1)}"*` : `"${w.replaceAll('"', '')}"`)).join(' ');
    const triExpr = (q: string) => foldForSearch(q).replace(/\*/g, '').split(/\s+/).filter((w) => w.length >= 3).map((w) => `"${w}"`).join(' ');

    // CPU time of each search() too: on a loaded machine the wall time includes waiting for a core.
    const serviceCpu: number[] = [];
    const timings: Record<string, number[]> = { service: [], ourMatch: [], plainMatch: [], trigram: [], like: [] };
    console.log('\nquery                     hits: ours  plain  trigram   p50 ms: search()  our match  plain');
    for (const q of QUERIES) {
      const expr = parseQuery(q)!.expression;
      const te = triExpr(q);
      const n = (stmt: typeof oursCount, e: string) => (e ? (stmt.get(e) as { n: number }).n : 0);
      const mark = { service: timings.service!.length, ourMatch: timings.ourMatch!.length, plainMatch: timings.plainMatch!.length };
      for (let r = 0; r < REPS; r++) {
        const c0 = process.cpuUsage();
        let t = performance.now();
        await search(ctx, { query: q, limit: 50 });
        timings.service!.push(performance.now() - t);
        const c1 = process.cpuUsage(c0);
        serviceCpu.push((c1.user + c1.system) / 1000);
        t = performance.now();
        ours.all(expr);
        timings.ourMatch!.push(performance.now() - t);
        t = performance.now();
        plain.all(plainExpr(q));
        timings.plainMatch!.push(performance.now() - t);
        if (te) {
          t = performance.now();
          tri.all(te);
          timings.trigram!.push(performance.now() - t);
        }
        if (r < 3) {
          t = performance.now();
          like.get(`%${q.split(/\s+/)[0]!.replace(/\*$/, '')}%`);
          timings.like!.push(performance.now() - t);
        }
      }
      const p50 = (key: keyof typeof mark) => stats(timings[key]!.slice(mark[key])).p50;
      console.log(
        `${q.padEnd(26)}${String(n(oursCount, expr)).padStart(10)}${String(n(plainCount, plainExpr(q))).padStart(7)}${String(n(triCount, te)).padStart(9)}` +
          `${fmt(p50('service')).padStart(20)}${fmt(p50('ourMatch')).padStart(11)}${fmt(p50('plainMatch')).padStart(7)}`,
      );
    }

    console.log('\nlatency (ms)                                   p50       p95');
    const rows: [string, string][] = [
      ['search() service: parse, match, rank, snippets', 'service'],
      ['our FTS5 match + bm25 only', 'ourMatch'],
      ['baseline: plain unicode61 FTS5, unfolded', 'plainMatch'],
      ['alternative: trigram FTS5 over folded text', 'trigram'],
      ['baseline: LIKE full scan, first word, unranked', 'like'],
    ];
    for (const [label, key] of rows) {
      const s = stats(timings[key]!);
      console.log(`${label.padEnd(46)}${fmt(s.p50)}  ${fmt(s.p95)}`);
    }
    const cpuStats = stats(serviceCpu);
    console.log(`${'search() CPU time (process.cpuUsage)'.padEnd(46)}${fmt(cpuStats.p50)}  ${fmt(cpuStats.p95)}`);
    const svc = stats(timings.service!);
    const base = stats(timings.plainMatch!);
    const m = stats(timings.ourMatch!);
    const lk = stats(timings.like!);
    console.log(`\nratio our match / plain FTS5: p50 ${(m.p50 / base.p50).toFixed(2)}×, p95 ${(m.p95 / base.p95).toFixed(2)}×`);
    console.log(`ratio search() / plain FTS5: p50 ${(svc.p50 / base.p50).toFixed(2)}×, p95 ${(svc.p95 / base.p95).toFixed(2)}×`);
    console.log(`ratio search() / LIKE scan:  p50 ${(svc.p50 / lk.p50).toFixed(2)}×`);

    t0 = performance.now();
    const { rebuildSearchIndex } = await import('../src/search/service');
    await rebuildSearchIndex(ctx, {});
    console.log(`rebuildSearchIndex over ${docs} records: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
