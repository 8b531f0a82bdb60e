import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAgendaAdoption, recordAgendaAdoption } from '../../src/agenda/adoption-service';
import { addAgendaItem } from '../../src/agenda/service';
import { defaultAgendaTemplate } from '../../src/agenda/template';
import { applyAgendaTemplate, getAgendaTemplate, updateAgendaTemplate } from '../../src/agenda/template-service';
import { NotFoundError, ValidationError } from '../../src/errors';
import { createSampleSession, type SampleSession } from '../helpers/fixtures';
import { expectRefusedUnchanged, type ErrorClass } from '../helpers/refusal';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import fs from 'node:fs';
import path from 'node:path';
import { generateMinutesDocx } from '../../src/minutes/generate';
import { readDocx } from '../minutes/sample';

let t: TempDb;
let s: SampleSession;
beforeEach(async () => {
  t = await openTempDb();
  s = await createSampleSession(t.ctx, { members: 3, sittings: 2 });
});
afterEach(async () => t.cleanup());

const expectRefused = (p: Promise<unknown>, type: ErrorClass, field: string) => expectRefusedUnchanged(t.sqlite, p, type, field);

describe('agenda template', () => {
  it('defaults to the six standing items in three languages', async () => {
    const tpl = await getAgendaTemplate(t.ctx);
    expect(tpl.items.map((i) => i.key)).toEqual([
      'adoption_of_agenda',
      'director_general_report',
      'follow_up_report',
      'budget_and_contributions',
      'next_session',
      'any_other_business',
    ]);
    for (const item of tpl.items) {
      expect(item.title.ar && item.title.en && item.title.fr).toBeTruthy();
    }
  });

  it('applies to a session after its existing items, once', async () => {
    await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'بند خاص' } });
    const items = await applyAgendaTemplate(t.ctx, { sessionId: s.sessionId });
    expect(items.map((i) => `${i.number} ${i.standingKey ?? '-'}`)).toEqual([
      '1 -',
      '2 adoption_of_agenda',
      '3 director_general_report',
      '4 follow_up_report',
      '5 budget_and_contributions',
      '6 next_session',
      '7 any_other_business',
    ]);
    expect(items[1]!.title).toEqual(defaultAgendaTemplate.items[0]!.title);
    const again = await applyAgendaTemplate(t.ctx, { sessionId: s.sessionId });
    expect(again).toHaveLength(7);
  });

  it('is editable, and the edited template is what applies', async () => {
    const edited = {
      items: [
        { key: 'adoption_of_agenda', title: { ar: 'إقرار جدول الأعمال', en: 'Adoption of the agenda', fr: '' } },
        { key: 'auditor_report', title: { ar: 'تقرير مراقب الحسابات', en: '', fr: '' }, presenter: 'مراقب الحسابات' },
      ],
    };
    const saved = await updateAgendaTemplate(t.ctx, edited);
    expect(saved.items[1]).toMatchObject({ key: 'auditor_report', presenter: 'مراقب الحسابات' });
    expect((await getAgendaTemplate(t.ctx)).items).toHaveLength(2);
    const items = await applyAgendaTemplate(t.ctx, { sessionId: s.sessionId });
    expect(items.map((i) => i.presenter)).toEqual(['', 'مراقب الحسابات']);
    const audit = t.sqlite.prepare(`select action from audit_entry where action like 'agenda.template%' order by id`).all();
    expect(audit).toEqual([{ action: 'agenda.template.update' }, { action: 'agenda.template.apply' }]);
  });

  it('refuses a bad template naming the field', async () => {
    await expectRefused(updateAgendaTemplate(t.ctx, { items: [{ key: 'Bad Key', title: { ar: 'x' } }] }), ValidationError, 'items.0.key');
    await expectRefused(updateAgendaTemplate(t.ctx, { items: [{ key: 'a', title: { ar: '' } }] }), ValidationError, 'items.0.title.ar');
    const dup = { key: 'a', title: { ar: 'x' } };
    await expectRefused(updateAgendaTemplate(t.ctx, { items: [dup, dup] }), ValidationError, 'items');
    await expectRefused(applyAgendaTemplate(t.ctx, { sessionId: 'nope' }), NotFoundError, 'sessionId');
  });
});

describe('adoption of the agenda', () => {
  it('records the sitting, the time and whether as amended; recording again corrects it', async () => {
    expect(await getAgendaAdoption(t.ctx, { sessionId: s.sessionId })).toBeNull();
    const first = await recordAgendaAdoption(t.ctx, {
      sessionId: s.sessionId,
      sittingId: s.sittingIds[0],
      adoptedAt: '2026-11-10T08:20:00Z',
      asAmended: false,
    });
    expect(first).toEqual({
      sessionId: s.sessionId,
      sittingId: s.sittingIds[0],
      adoptedAt: '2026-11-10T08:20:00.000Z',
      asAmended: false,
      note: '',
    });
    await recordAgendaAdoption(t.ctx, {
      sessionId: s.sessionId,
      sittingId: s.sittingIds[0],
      adoptedAt: '2026-11-10T09:20:00+01:00',
      asAmended: true,
      note: 'أضيف بند عن المنتدى العربي',
    });
    expect(await getAgendaAdoption(t.ctx, { sessionId: s.sessionId })).toMatchObject({
      adoptedAt: '2026-11-10T08:20:00.000Z',
      asAmended: true,
      note: 'أضيف بند عن المنتدى العربي',
    });
  });

  it('refuses a sitting of another session, a time before the sitting, a bad instant', async () => {
    const other = await createSampleSession(t.ctx, { members: 2, number: 67 });
    const base = { sessionId: s.sessionId, sittingId: s.sittingIds[0], adoptedAt: '2026-11-10T08:20:00Z', asAmended: false };
    await expectRefused(recordAgendaAdoption(t.ctx, { ...base, sittingId: other.sittingIds[0] }), ValidationError, 'sittingId');
    await expectRefused(recordAgendaAdoption(t.ctx, { ...base, sittingId: 'nope' }), NotFoundError, 'sittingId');
    await expectRefused(recordAgendaAdoption(t.ctx, { ...base, adoptedAt: '2026-11-10T07:59:00Z' }), ValidationError, 'adoptedAt');
    await expectRefused(recordAgendaAdoption(t.ctx, { ...base, adoptedAt: 'yesterday' }), ValidationError, 'adoptedAt');
  });
});

describe('the adoption of the agenda typed by hand (issue 11)', () => {
  it('is the standing item: linked once, top level only, its empty languages from the template', async () => {
    const typed = await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: ' إقرار جدول الأعمال ' } });
    expect(typed.standingKey).toBe('adoption_of_agenda');
    expect(typed.title).toEqual({ ar: 'إقرار جدول الأعمال', en: 'Adoption of the agenda', fr: 'Adoption de l’ordre du jour' });
    const again = await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'إقرار جدول الأعمال' } });
    expect(again.standingKey).toBeNull();
    const sub = await addAgendaItem(t.ctx, { sessionId: s.sessionId, parentId: again.id, title: { ar: 'إقرار جدول الأعمال' } });
    expect(sub.standingKey).toBeNull();
    const other = await createSampleSession(t.ctx, { members: 2, number: 67 });
    const en = await addAgendaItem(t.ctx, { sessionId: other.sessionId, title: { ar: 'جدول', en: 'Adoption of the Agenda.' } });
    expect(en).toMatchObject({ standingKey: 'adoption_of_agenda', title: { ar: 'جدول', en: 'Adoption of the Agenda.' } });
    const plain = await addAgendaItem(t.ctx, { sessionId: other.sessionId, title: { ar: 'الميزانية' } });
    expect(plain.standingKey).toBeNull();
  });

  it('so the minutes state the adoption under it, not "not considered" (read back by python-docx)', async () => {
    const item = await addAgendaItem(t.ctx, { sessionId: s.sessionId, title: { ar: 'إقرار جدول الأعمال' } });
    await recordAgendaAdoption(t.ctx, { sessionId: s.sessionId, sittingId: s.sittingIds[0], adoptedAt: '2026-11-10T08:20:00Z', asAmended: false });
    for (const lang of ['ar', 'en', 'fr'] as const) {
      const file = path.join(t.dir, `adoption-${lang}.docx`);
      fs.writeFileSync(file, await generateMinutesDocx(t.ctx, s.sessionId, { lang }));
      const texts = readDocx(file).paragraphs.map((p) => p.text);
      const heading = texts.findIndex((x) => x.includes(item.title[lang]) && /1/.test(x));
      expect(heading, lang).toBeGreaterThanOrEqual(0);
      const under = texts[heading + 1] ?? '';
      expect(under, lang).toMatch({ ar: /أقرّ المجلس/, en: /adopted/i, fr: /adopté/i }[lang]);
      expect(texts.join('\n'), lang).not.toContain({ ar: 'لم يُنظر في هذا البند', en: 'not considered', fr: 'n’a pas été examiné' }[lang]);
    }
  });
});
