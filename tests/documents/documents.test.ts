// The session documents (src/documents) of the sample sessions, written as Word and read back by an
// independent reader (python3-docx), checked against the sample files themselves, in each language.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, generateDocumentDocx, type DocumentKind } from '../../src/documents/generate';
import { minutesWording } from '../../src/i18n/minutes';
import { resolveSession } from '../../src/minutes/load-record';
import type { TempDb } from '../helpers/temp-db';
import { readDocx, readSample, sampleDb, type DocxView } from '../minutes/sample';

type Lang = 'ar' | 'en' | 'fr';
const LANGS: Lang[] = ['ar', 'en', 'fr'];
const SESSIONS = { 'agadir-66': 'ordinary:66', 'baghdad-65': 'ordinary:65' } as const;
type SampleName = keyof typeof SESSIONS;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let db: TempDb;
const views = new Map<string, DocxView>();
// In English and French an Arabic run is isolated right to left (RLI … PDI, tests/minutes/bidi-isolates.test.ts):
// the texts are compared without those layout marks.
const bare = (t: string) => t.replace(/[\u2067\u2069]/g, '');
const withoutIsolates = (v: DocxView): DocxView => ({
  ...v,
  paragraphs: v.paragraphs.map((p) => ({ ...p, text: bare(p.text), runs: p.runs.map((r) => ({ ...r, text: bare(r.text) })) })),
  tables: v.tables.map((t) => ({ ...t, rows: t.rows.map((r) => r.map(bare)) })),
  order: v.order.map((o) => (o.kind === 'p' ? { ...o, text: bare(o.text) } : o)),
  header: bare(v.header),
});
const view = (kind: DocumentKind, sample: SampleName, lang: Lang) => views.get(`${kind}/${sample}/${lang}`)!;

beforeAll(async () => {
  db = await sampleDb();
  for (const [sample, ref] of Object.entries(SESSIONS)) {
    const id = await resolveSession(db.db, ref);
    for (const kind of DOCUMENT_KINDS) {
      for (const lang of LANGS) {
        const file = path.join(db.dir, `${kind}-${sample}-${lang}.docx`);
        fs.writeFileSync(file, await generateDocumentDocx(db.ctx, kind, id, { lang }));
        views.set(`${kind}/${sample}/${lang}`, lang === 'ar' ? readDocx(file) : withoutIsolates(readDocx(file)));
      }
    }
  }
}, 300_000);

afterAll(async () => {
  await db.cleanup();
});

/** The text in `lang`, or the original (Arabic) one where the sample has no translation. */
const inLang = (x: Json, field: string, lang: Lang): string => {
  const cap = (l: string) => l[0]!.toUpperCase() + l.slice(1);
  return (x[`${field}${cap(lang)}`] as string).trim() || (x[`${field}Ar`] as string).trim();
};
const texts = (v: DocxView) => v.paragraphs.map((p) => p.text);
const all = (v: DocxView) => [...texts(v), ...v.tables.flatMap((t) => t.rows.flat())].join('\n');
const itemsInOrder = (s: Json) => [...s.agendaItems].filter((i: Json) => !i.parentId).sort((a: Json, b: Json) => a.position - b.position);

describe.each(Object.keys(SESSIONS) as SampleName[])('the documents of %s', (sample) => {
  const s = readSample(sample) as Json;

  describe.each(LANGS)('in %s', (lang) => {
    const w = minutesWording(lang);

    it('decisions: every decision in full, in order, with its number, reservations and referrals, and no deliberations', () => {
      const v = view('decisions', sample, lang);
      const t = texts(v);
      expect(v.paragraphs.find((p) => p.style === 'Title')?.text).toBeTruthy();
      const decisions = [...s.decisions].sort((a: Json, b: Json) => a.serial - b.serial);
      expect(decisions.length).toBeGreaterThan(0);
      let last = -1;
      for (const d of decisions) {
        const at = t.findIndex((p) => p.startsWith(w.decision(inLang(d, 'number', lang))));
        expect(at, `decision ${d.numberEn}`).toBeGreaterThan(last);
        expect(v.paragraphs[at]!.style).toBe('Council Decision');
        last = at;
        for (const line of inLang(d, 'text', lang).split(/\n+/).filter((l: string) => l.trim())) {
          expect(t.slice(at + 1).some((p) => p.includes(line.trim())), line).toBe(true);
        }
      }
      for (const r of s.reservations) {
        const state = s.memberStates.find((m: Json) => m.id === r.memberStateId);
        const p = t.find((x) => x.includes(r.text));
        expect(p, 'reservation').toBeTruthy();
        expect(p).toContain(inLang(state, 'name', lang));
      }
      for (const r of s.referrals) {
        const p = v.paragraphs.find((x) => x.style === 'Council Note' && x.text.includes(w.referralBody[r.body as 'general_assembly']))?.text;
        expect(p, 'referral').toContain(r.note);
      }
      for (const n of s.notes) expect(all(v)).not.toContain(n.text);
      expect(all(v)).not.toContain(w.interventions);
    });

    it('agenda: the items in order, each with its presenter and documents', () => {
      const v = view('agenda', sample, lang);
      const t = texts(v);
      const headings = v.paragraphs.map((p, i) => ({ ...p, i })).filter((p) => p.style?.startsWith('Heading'));
      const items = itemsInOrder(s);
      expect(headings).toHaveLength(items.length);
      items.forEach((it: Json, k: number) => {
        // An untranslated title keeps its original text, after the translator's mark.
        const [before, after] = w.item(String(k + 1), '\u0000').split('\u0000');
        expect(headings[k]!.text.startsWith(before!)).toBe(true);
        expect(headings[k]!.text.endsWith(`${inLang(it, 'title', lang)}${after}`)).toBe(true);
      });
      items.forEach((it: Json, k: number) => {
        const between = t.slice(headings[k]!.i + 1, headings[k + 1]?.i ?? t.length).join('\n');
        for (const ref of JSON.parse(it.documentRefsJson) as string[]) expect(between).toContain(ref);
        if (it.presenter) expect(between).toContain(it.presenter);
      });
    });

    it('list of documents: every document symbol beside its item, in agenda order', () => {
      const v = view('documents-list', sample, lang);
      const expected = itemsInOrder(s).flatMap((it: Json, k: number) =>
        (JSON.parse(it.documentRefsJson) as string[]).map((ref) => [ref, String(k + 1), inLang(it, 'title', lang)]),
      );
      if (!expected.length) {
        expect(v.tables).toHaveLength(0);
        return;
      }
      expect(v.tables).toHaveLength(1);
      const rows = v.tables[0]!.rows.slice(1);
      expect(rows.map((r) => r.slice(0, 2))).toEqual(expected.map((r: string[]) => r.slice(0, 2)));
      rows.forEach((r, k) => expect(r[2]!.endsWith(expected[k]![2]!)).toBe(true));
    });

    it('follow-up report: the actions and their status for the next session', () => {
      const v = view('follow-up', sample, lang);
      const rows = v.tables[0]!.rows.slice(1);
      const status = (x: keyof typeof w.actionStatus) => w.actionStatus[x];
      const byAction = (description: string) => rows.find((r) => r[2] === description || r[2]!.endsWith(` ${description}`));
      if (sample === 'agadir-66') {
        // No later session yet: this session's actions and the earlier ones still open when it ended.
        const b = readSample('baghdad-65') as Json;
        expect(rows).toHaveLength(4);
        const guide = byAction(b.actionItems[0].description)!;
        expect(guide[5]).toContain(status('in_progress'));
        expect(guide[6]).toContain(b.actionUpdates[0].text);
        expect(byAction(b.actionItems[1].description)![5]).toBe(status('open'));
        // Done, as reported at this session: no longer in the report.
        expect(byAction(b.actionItems[2].description)).toBeUndefined();
        for (const a of s.actionItems) expect(byAction(a.description)![5]).toBe(status('open'));
      } else {
        // The next session (66) is on record: its report, with what was reported at it.
        expect(rows).toHaveLength(3);
        expect(byAction(s.actionItems[0].description)![5]).toContain(status('in_progress'));
        expect(byAction(s.actionItems[1].description)![5]).toBe(status('open'));
        expect(byAction(s.actionItems[2].description)![5]).toBe(status('done'));
        expect(byAction(s.actionItems[2].description)![6]).toContain(s.actionUpdates[1].text);
      }
    });

    it('convocation: the venue, the dates, and the provisional agenda attached in order', () => {
      const v = view('convocation', sample, lang);
      const t = texts(v);
      const body = t.find((p) => p.includes(inLang(s.session, 'venueCity', lang)) && p.includes(inLang(s.session, 'venueCountry', lang)));
      expect(body, 'the invitation names the venue').toBeTruthy();
      const year = s.session.startDate.slice(0, 4);
      expect(body).toContain(year);
      const today = new Date().getUTCFullYear().toString();
      expect(t.some((p) => p.includes(today) && p !== body), 'the letter is dated').toBe(true);
      const after = t.slice(t.findIndex((p) => p === body) + 1);
      let last = -1;
      itemsInOrder(s).forEach((it: Json, k: number) => {
        const at = after.findIndex((p) => p.startsWith(`${k + 1}. `) && p.endsWith(inLang(it, 'title', lang)));
        expect(at, it.titleEn).toBeGreaterThan(last);
        last = at;
      });
      // Each item numbered once, by its own number: not a bulleted list paragraph as well.
      const numbered = v.paragraphs.filter((p) => /^\d+\. /.test(p.text));
      expect(numbered.length).toBeGreaterThan(0);
      expect(numbered.filter((p) => p.style === 'List Paragraph').map((p) => p.text)).toEqual([]);
    });

    it('share the minutes’ header and direction', () => {
      for (const kind of DOCUMENT_KINDS) {
        const v = view(kind, sample, lang);
        expect(v.header).toBeTruthy();
        const withText = v.paragraphs.filter((p) => p.text.trim());
        if (lang === 'ar') expect(withText.filter((p) => !p.bidi), kind).toEqual([]);
        else expect(withText.filter((p) => p.bidi), kind).toEqual([]);
      }
    });
  });
});
