// Corrigenda in the minutes: once the minutes are approved (the session locked), corrections recorded with
// src/corrigenda appear in the next version of the minutes, in their own section before the signatures,
// in the chosen language (read back with python3-docx), and in the HTML.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMinutes, circulateMinutes, createMinutesVersion } from '../../src/approval/service';
import { addCorrigendum } from '../../src/corrigenda/service';
import { buildMinutesModel } from '../../src/minutes/build-model';
import { generateMinutesDocx, generateMinutesHtml } from '../../src/minutes/generate';
import { loadMinutesRecord, loadSessionRows, resolveSession } from '../../src/minutes/load-record';
import { renderDocx } from '../../src/minutes/render-docx';
import type { TempDb } from '../helpers/temp-db';
import { readDocx, sampleDb, type DocxView } from './sample';

let db: TempDb;
let sessionId: string;
let decisionNumbers: { ar: string; en: string; fr: string };
const views: Record<string, DocxView> = {};
const draftViews: Record<string, DocxView> = {};

const K1 = {
  textAr: 'يُقرأ البند الثاني من القرار على النحو الآتي: «يعتمد المجلس الموازنة المعدلة».',
  textEn: 'Paragraph 2 of the decision shall read: "The Council adopts the amended budget."',
  textFr: 'Le paragraphe 2 de la décision se lit comme suit : « Le Conseil adopte le budget modifié. »',
};
const K2 = {
  textAr: 'يُصحَّح اسم رئيس وفد المملكة المغربية في جدول المشاركين.',
  textEn: 'The name of the head of the delegation of Morocco is corrected in the table of participants.',
  textFr: 'Le nom du chef de la délégation du Maroc est corrigé dans le tableau des participants.',
};

const texts = (v: DocxView) => v.paragraphs.map((p) => p.text);
const at = (v: DocxView, needle: string) => texts(v).findIndex((t) => t.includes(needle));

beforeAll(async () => {
  db = await sampleDb();
  sessionId = await resolveSession(db.db, 'ordinary:66');
  const rows = await loadSessionRows(db.db, sessionId);
  for (const lang of ['ar', 'en', 'fr'] as const) {
    const file = path.join(db.dir, `draft-${lang}.docx`);
    fs.writeFileSync(file, await generateMinutesDocx(db.ctx, sessionId, { lang, timeZone: 'Africa/Casablanca' }));
    draftViews[lang] = readDocx(file);
  }
  const decision = rows.decisions.find((d) => d.serial === 3)!;
  decisionNumbers = { ar: decision.numberAr, en: decision.numberEn, fr: decision.numberFr };
  const v1 = await createMinutesVersion(db.ctx, { sessionId, language: 'ar+en+fr' });
  await circulateMinutes(db.ctx, { versionId: v1.id });
  await approveMinutes(db.ctx, { versionId: v1.id, approvedAtSession: 'at its 67th session' });
  db.setNow('2025-03-03T10:00:00.000Z');
  await addCorrigendum(db.ctx, { sessionId, decisionId: decision.id, reason: 'خطأ مادي في النص المعتمد', ...K1 });
  db.setNow('2025-03-04T10:00:00.000Z');
  await addCorrigendum(db.ctx, { sessionId, reason: 'Typing error', ...K2 });
  for (const lang of ['ar', 'en', 'fr'] as const) {
    const file = path.join(db.dir, `minutes-${lang}.docx`);
    fs.writeFileSync(file, await generateMinutesDocx(db.ctx, sessionId, { lang, timeZone: 'Africa/Casablanca' }));
    views[lang] = readDocx(file);
  }
}, 120_000);

afterAll(async () => {
  await db.cleanup();
});

describe('corrigenda in the minutes', () => {
  it('are absent while the minutes are a draft', () => {
    expect(at(draftViews.ar!, 'تصويبات')).toBe(-1);
    expect(at(draftViews.en!, 'Corrigend')).toBe(-1);
    expect(at(draftViews.fr!, 'Rectificatif')).toBe(-1);
  });

  const cases = [
    ['ar', 'تصويبات', 'التصويب رقم 1 (على القرار رقم', 'التصويب رقم 2، بتاريخ 4 مارس 2025:', 'سبب التصويب: خطأ مادي في النص المعتمد', 'التوقيعات'],
    ['en', 'Corrigenda', 'Corrigendum No. 1 (to Decision', 'Corrigendum No. 2, 4 March 2025:', 'Reason: Typing error', 'Signatures'],
    ['fr', 'Rectificatifs', 'Rectificatif n° 1 (à la décision', 'Rectificatif n° 2, du 4 mars 2025 :', 'Motif : Typing error', 'Signatures'],
  ] as const;
  for (const [lang, title, first, second, reason, signatures] of cases) {
    it(`${lang}: a "${title}" section after the closing and before the signatures, each corrigendum in order`, () => {
      const v = views[lang]!;
      const headingAt = v.paragraphs.findIndex((p) => p.text === title);
      expect(headingAt).toBeGreaterThan(0);
      expect(v.paragraphs[headingAt]!.style).toMatch(/Heading ?1/i);
      const closing = v.paragraphs.findIndex((p) => /Heading ?1/i.test(p.style ?? '') && p.text !== title && texts(v).indexOf(p.text) < headingAt && /اختتام|Closing|Clôture/.test(p.text));
      const sigs = v.paragraphs.findIndex((p) => p.text === signatures && /Heading ?1/i.test(p.style ?? ''));
      expect(closing).toBeGreaterThan(0);
      expect(sigs).toBeGreaterThan(headingAt);
      const section = texts(v).slice(headingAt, sigs);
      const one = section.findIndex((t) => t.startsWith(first));
      const two = section.findIndex((t) => t === second);
      expect(one).toBeGreaterThan(0);
      expect(section[one]).toContain(decisionNumbers[lang]);
      expect(section[one]).toContain('3 March 2025'.replace('March', lang === 'en' ? 'March' : lang === 'fr' ? 'mars' : 'مارس'));
      expect(section[one + 1]).toBe((lang === 'ar' ? K1.textAr : lang === 'en' ? K1.textEn : K1.textFr));
      expect(two).toBeGreaterThan(one);
      expect(section[two + 1]).toBe((lang === 'ar' ? K2.textAr : lang === 'en' ? K2.textEn : K2.textFr));
      expect(section.some((t) => t === reason || t.startsWith(reason))).toBe(true);
    });
  }

  it('ar: the section is right to left like the rest, the English reason marked for a translator', () => {
    const v = views.ar!;
    const from = at(v, 'تصويبات');
    const to = v.paragraphs.findIndex((p, i) => i > from && p.text === 'التوقيعات');
    const section = v.paragraphs.slice(from, to).filter((p) => p.text.trim());
    expect(section.filter((p) => !p.bidi)).toEqual([]);
    const reason = section.find((p) => p.text.includes('Typing error'))!;
    expect(reason.text).toContain('[بانتظار الترجمة]');
    expect(reason.runs.find((r) => r.text.includes('Typing error'))?.rtl).toBe(false);
    expect(section.flatMap((p) => p.runs).filter((r) => /[\u0600-\u06ff]/.test(r.text) && !r.rtl)).toEqual([]);
  });

  it('a text missing in the chosen language falls back to the original, marked', async () => {
    const record = await loadMinutesRecord(db.db, sessionId);
    const corrigenda = [{ ...record.corrigenda![0]!, textEn: '' }];
    const model = buildMinutesModel(record, { lang: 'en', approved: true, corrigenda });
    const file = path.join(db.dir, 'fallback-en.docx');
    fs.writeFileSync(file, await renderDocx(model));
    const v = readDocx(file);
    const p = v.paragraphs.find((x) => x.text.includes(K1.textAr))!;
    expect(p.text).toContain('[translation pending]');
    expect(p.runs.find((r) => r.text.includes('الموازنة'))?.rtl).toBe(true);
    // Without the option there is no section: the builder prints only what it is given.
    const bare = buildMinutesModel(record, { lang: 'en', approved: true });
    expect(bare.blocks.some((b) => b.kind === 'heading' && b.anchor === 'corrigenda')).toBe(false);
  });

  it('appear in the HTML minutes too', async () => {
    const html = await generateMinutesHtml(db.ctx, sessionId, { lang: 'fr', timeZone: 'Africa/Casablanca' });
    expect(html).toContain('Rectificatifs');
    expect(html).toContain('Rectificatif n° 2, du 4 mars 2025 :');
    expect(html.indexOf('Rectificatifs')).toBeLessThan(html.lastIndexOf('Signatures'));
    const ar = await generateMinutesHtml(db.ctx, sessionId, { lang: 'ar', timeZone: 'Africa/Casablanca' });
    expect(ar).toContain('تصويبات');
    expect(ar).toContain(K2.textAr);
  });
});
