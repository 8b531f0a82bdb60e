// What a council secretary reads in the sample minutes (the document model, before any renderer): both
// calendars at the opening and the closing, the digits the settings ask for, the roll-call tables of the
// annex, the attendance annex without the secretariat marked absent, wording that needs no gender.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRecordRows } from '../../src/bundle/schema';
import { minutesModel } from '../../src/minutes/generate';
import { loadSessionRows, resolveSession } from '../../src/minutes/load-record';
import type { Block, Inline, MinutesDocument } from '../../src/minutes/model';
import { updateOrganisationSettings } from '../../src/settings/service';
import type { TempDb } from '../helpers/temp-db';
import { sampleDb } from './sample';

let db: TempDb;
let id: string;
let rows: SessionRecordRows;
const TZ = 'Africa/Casablanca';

beforeAll(async () => {
  db = await sampleDb();
  id = await resolveSession(db.db, 'ordinary:66');
  rows = await loadSessionRows(db.db, id);
}, 60_000);
afterAll(async () => db.cleanup());

const text = (inline: Inline) => inline.map((s) => s.text).join('');
const paragraphs = (m: MinutesDocument) => m.blocks.filter((b) => b.kind === 'paragraph').map((b) => text(b.content));
const tables = (m: MinutesDocument) => m.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const cells = (t: Extract<Block, { kind: 'table' }>) => t.rows.map((r) => r.map((x) => text(x.content)));
const model = (lang: 'ar' | 'en' | 'fr') => minutesModel(db.ctx, id, { lang, timeZone: TZ });

describe('the sample minutes as a secretary reads them', () => {
  it('date the opening and the closing in both calendars in Arabic, Gregorian only in English', async () => {
    const ar = paragraphs(await model('ar'));
    expect(ar).toEqual(expect.arrayContaining([expect.stringContaining('افتُتحت أعمال الدورة بتاريخ 12 نوفمبر 2024 م، الموافق 10 جمادى الأولى 1446 هـ، في الساعة 09:00')]));
    expect(ar).toContain('اختُتمت أعمال الدورة بتاريخ 13 نوفمبر 2024 م، الموافق 11 جمادى الأولى 1446 هـ، في الساعة 12:45.');
    const en = paragraphs(await model('en')).join('\n');
    expect(en).toContain('12 November 2024');
    expect(en).not.toMatch(/1446|AH/);
  });

  it("open with a table of contents once the agenda is long (8 items), and none for a shorter one", async () => {
    expect((await model('ar')).blocks.filter((b) => b.kind === 'toc')).toEqual([{ kind: 'toc', title: 'المحتويات' }]);
    const short = await minutesModel(db.ctx, await resolveSession(db.db, 'ordinary:65'), { lang: 'en', timeZone: TZ });
    expect(short.blocks.some((b) => b.kind === 'toc')).toBe(false);
  });

  it('say an item was presented without guessing the presenter\'s gender', async () => {
    const ar = paragraphs(await model('ar'));
    expect(ar).toContain('عُرض هذا البند من قِبَل الأمانة العامة، استناداً إلى الوثائق: م.ت/66/3.');
    expect(ar.filter((p) => p.startsWith('قدّم '))).toEqual([]);
  });

  it('say so under an item discussed with nothing on record, instead of a bare heading', async () => {
    const m = await model('ar');
    const aob = rows.agendaItems.find((i) => i.standingKey === 'any_other_business')!;
    const at = m.blocks.findIndex((b) => b.kind === 'heading' && text(b.content).endsWith(aob.titleAr));
    expect(at).toBeGreaterThan(0);
    const next = m.blocks[at + 1]!;
    expect(next.kind === 'paragraph' && text(next.content)).toBe('لم تُطرح أي مسائل في إطار هذا البند.');
    const en = await model('en');
    expect(paragraphs(en)).toContain('No matters were raised under this item.');
  });

  it('list observers but not the secretariat as absent in the attendance annex', async () => {
    const m = await model('ar');
    const attendance = tables(m).filter((t) => text(t.header[0]!.content) === 'الوفد');
    expect(attendance).toHaveLength(rows.sittings.length);
    const secretariat = rows.delegations.find((d) => d.kind === 'secretariat')!;
    const observer = rows.delegations.find((d) => d.kind === 'observer')!;
    for (const t of attendance) {
      const names = cells(t).map((r) => r[0]);
      expect(names).not.toContain(secretariat.nameAr);
      expect(names).toContain(observer.nameAr);
    }
  });

  it('annex the roll-call tables: every state present, its ballot in each vote, "—" where it was not present', async () => {
    const m = await model('ar');
    const states = new Map(rows.memberStates.map((s) => [s.id, s]));
    const votes = [...rows.votes].sort((a, b) => a.heldAt.localeCompare(b.heldAt));
    const annex = tables(m).filter((t) => text(t.header[0]!.content) === 'الدولة' && t.header.length === votes.length + 1);
    expect(annex).toHaveLength(1);
    const grid = cells(annex[0]!);
    const word = { yes: 'موافق', no: 'غير موافق', abstain: 'ممتنع', not_participating: 'لم يشارك' } as const;
    const voters = [...new Set(rows.voteBallots.map((b) => b.memberStateId))].sort(
      (a, b) => states.get(a)!.protocolOrder - states.get(b)!.protocolOrder,
    );
    expect(grid.map((r) => r[0])).toEqual(voters.map((s) => states.get(s)!.nameAr));
    for (const [row, stateId] of voters.entries()) {
      votes.forEach((v, k) => {
        const ballot = rows.voteBallots.find((b) => b.voteId === v.id && b.memberStateId === stateId);
        expect(grid[row]![k + 1]).toBe(ballot ? word[ballot.choice] : '—');
      });
    }
  });

  it('write every number of the Arabic minutes in Arabic-Indic digits when the settings say so, decision numbers included', async () => {
    await updateOrganisationSettings(db.ctx, { digits: 'arabic-indic' });
    try {
      const m = await model('ar');
      const all = paragraphs(m);
      expect(all).toContain('القرار رقم ق.م.ت/٦٦/٣ (بالتصويت)');
      expect(all.join('\n')).toContain('فاعتُمد (موافق: ١٠، غير موافق: ١، ممتنع: ١)');
      expect(all).toContain('وحُدِّد موعد الدورة القادمة ومكان انعقادها بموجب القرار رقم ق.م.ت/٦٦/٦.');
      const register = tables(m).find((t) => text(t.header[0]!.content) === 'رقم القرار')!;
      expect(cells(register).map((r) => r[0])).toEqual(['١', '٢', '٣', '٤', '٥', '٦'].map((n) => `ق.م.ت/٦٦/${n}`));
      const followUp = tables(m).find((t) => text(t.header[0]!.content) === 'الدورة')!;
      expect(cells(followUp).every((r) => /^٦٥$/.test(r[0]!) && !/[0-9]/.test(r[1]!))).toBe(true);
      // English keeps Western digits.
      expect(paragraphs(await model('en'))).toContain('Decision EC/66/3 (by vote)');
    } finally {
      await updateOrganisationSettings(db.ctx, { digits: 'western' });
    }
  });
});
