// What the minutes say of motions, amendments and votes, read back from the .docx by python3-docx in each
// language: a rejection states the threshold it missed, every vote its time and the quorum at that
// instant, without quorum and casting votes marked in the register and the annex, every ballot counted,
// amendments before their motion's result and "as amended", French agreeing with proposition/amendement,
// reservations not repeated, referrals whole sentences, line breaks as paragraphs, the rapporteur and the
// Director-General named. The sample session with a few votes changed, built by the pure builder.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MotionRow, VoteRow } from '../../src/bundle/schema';
import { buildMinutesModel } from '../../src/minutes/build-model';
import { loadMinutesRecord, resolveSession } from '../../src/minutes/load-record';
import type { MinutesRecord } from '../../src/minutes/record';
import { renderDocx } from '../../src/minutes/render-docx';
import { renderHtml } from '../../src/minutes/render-html';
import type { TempDb } from '../helpers/temp-db';
import { readDocx, sampleDb, type DocxView } from './sample';
import { opensWithReservation } from '../../src/minutes/build-items';
import { minutesWording } from '../../src/i18n/minutes';

type Lang = 'ar' | 'en' | 'fr';
let db: TempDb;
let base: MinutesRecord;
const views = {} as Record<Lang, DocxView>;
const html = {} as Record<Lang, string>;

const ALGERIA = 'a83c7fcc-0ad7-4206-873b-7ddfde547f51';
const STANDARDS = '00119753-cca9-406b-812d-72aedbacfa92'; // adopted by vote (10-1-1), decision 3
const FORUM_YEARLY = '1ea88c9e-c9fa-4747-9638-4dc7d3dd13f7'; // rejected by vote

function scenario(base: MinutesRecord, lang: Lang): MinutesRecord {
  const record = structuredClone(base);
  const r = record.rows;
  const standards = r.motions.find((m) => m.id === STANDARDS)!;
  const yearly = r.motions.find((m) => m.id === FORUM_YEARLY)!;
  const algeria = r.delegations.find((d) => d.memberStateId === ALGERIA)!;
  const motion = (id: string, over: Partial<MotionRow>): MotionRow => ({ ...standards, id, proposerDelegationId: null, ...over });
  // An amendment to the standards motion, adopted by consensus before the vote on it.
  r.motions.push(
    motion('amend-1', {
      parentMotionId: STANDARDS,
      textAr: 'إضافة عبارة «بعد التشاور مع الدول الأعضاء».',
      textEn: 'Add “after consulting the member states”.',
      textFr: 'Ajouter « après consultation des États membres ».',
      proposerDelegationId: algeria.id,
      status: 'adopted',
      decidedBy: 'consensus',
      createdAt: '2024-11-12T10:35:00.000Z',
    }),
  );
  // Its text as amended (migration 0013): two paragraphs in Arabic, one in English, none in French.
  Object.assign(standards, {
    consolidatedAr: 'يعتمد المجلس المواصفات القياسية العربية الموحدة بعد التشاور مع الدول الأعضاء.\nويدعو الدول الأعضاء إلى تطبيقها.',
    consolidatedEn: 'The Council adopts the unified Arab standards after consulting the member states.',
    consolidatedFr: '',
  });
  const vote = (id: string, over: Partial<VoteRow>): VoteRow => ({ ...r.votes[0]!, id, ...over });
  // The rejected motion: two-thirds of members, 13-1-1 with 2 not participating, 17 present: 14 required.
  const rejected = r.votes.find((v) => v.motionId === FORUM_YEARLY)!;
  Object.assign(rejected, { rule: 'two_thirds_of_members', yes: 13, no: 1, abstain: 1, notParticipating: 2, presentCount: 17, quorumRequired: 11 });
  yearly.majorityRule = 'two_thirds_of_members';
  // A tie broken by the chair's casting vote, taken without quorum; then a unanimity missed by one abstention.
  r.motions.push(motion('tie', { agendaItemId: yearly.agendaItemId, textAr: 'مقترح التعادل', textEn: 'Tie proposal', textFr: 'Proposition à égalité', createdAt: '2024-11-13T09:50:00.000Z' }));
  r.motions.push(motion('unanimous', { agendaItemId: yearly.agendaItemId, status: 'rejected', textAr: 'مقترح الإجماع', textEn: 'Unanimity proposal', textFr: 'Proposition à l’unanimité', createdAt: '2024-11-13T09:55:00.000Z' }));
  r.votes.push(
    vote('v-tie', { motionId: 'tie', heldAt: '2024-11-13T10:05:00.000Z', sittingId: rejected.sittingId, yes: 5, no: 5, abstain: 1, notParticipating: 0, presentCount: 11, quorumRequired: 12, quorumMet: 0, inquorate: 1, castingVote: 'yes', outcome: 'adopted' }),
    vote('v-unanimous', { motionId: 'unanimous', heldAt: '2024-11-13T10:10:00.000Z', sittingId: rejected.sittingId, rule: 'unanimity_of_present', yes: 16, no: 0, abstain: 1, notParticipating: 0, presentCount: 17, quorumRequired: 11, outcome: 'rejected' }),
  );
  // The roll call of the standards vote was taken from the 12th state on: printed in that order.
  const ballots = r.voteBallots.filter((b) => b.voteId === r.votes[0]!.id).sort((a, b) => a.rollOrder - b.rollOrder);
  ballots.at(-1)!.rollOrder = 0;
  // Typed line breaks.
  r.notes[0]!.text = 'First paragraph of the intervention.\nSecond paragraph.\n\nThird paragraph.';
  r.notes[0]!.language = lang;
  // A rapporteur who signs; the Director-General's name in the settings.
  r.session.rapporteurStateId = ALGERIA;
  record.settings.signatoryRoles = [
    ...record.settings.signatoryRoles.map((x) => (x.key === 'director_general' ? { ...x, name: 'Adel Al-Saqr' } : x)),
    { key: 'rapporteur', title: { ar: 'مقرّر الدورة', en: 'Rapporteur of the session', fr: 'Rapporteur de la session' } },
  ];
  return record;
}

beforeAll(async () => {
  db = await sampleDb();
  const id = await resolveSession(db.db, 'ordinary:66');
  base = await loadMinutesRecord(db.db, id);
  for (const lang of ['ar', 'en', 'fr'] as const) {
    const model = buildMinutesModel(scenario(base, lang), { lang, timeZone: 'Africa/Casablanca' });
    const file = path.join(db.dir, `votes-${lang}.docx`);
    fs.writeFileSync(file, await renderDocx(model));
    views[lang] = readDocx(file);
    html[lang] = renderHtml(model);
  }
}, 120_000);
afterAll(async () => db.cleanup());

/** Text as read: no-break spaces as spaces, bidi isolates and word joiners (layout marks) left out. */
const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u2060\u2066-\u2069]/g, '');
const paras = (lang: Lang) => views[lang].paragraphs.map((p) => plain(p.text));
const find = (lang: Lang, needle: string) => paras(lang).findIndex((t) => t.includes(needle));

describe('a rejected vote says the threshold was not reached, and what it was', () => {
  it.each([
    ['en', 'with 17 of the 21 member states present (quorum: 11), the proposal was not adopted (13 votes in favour, 1 against, 1 abstention, 2 not participating): short of two-thirds majority of member states, 14 votes in favour were required.'],
    ['fr', 'en présence de 17 des 21 États membres (quorum : 11), la proposition a été rejetée (13 voix pour, 1 contre, 1 abstention, 2 ne participant pas au vote) : la majorité des deux tiers des États membres n’a pas été atteinte, 14 voix pour étaient requises.'],
    ['ar', 'بحضور 17 من أصل 21 دولة عضواً (النصاب المطلوب: 11)، فلم يُعتمد (موافق: 13، غير موافق: 1، ممتنع: 1، لم يشارك: 2)، لعدم استيفاء قاعدة أغلبية ثلثي الدول الأعضاء (عدد الأصوات الموافقة المطلوب: 14).'],
  ] as const)('in the item (%s)', (lang, sentence) => {
    expect(paras(lang).filter((t) => t.includes(sentence))).toHaveLength(1);
  });

  it.each([
    ['en', 'short of unanimity of states present, 17 votes in favour were required'],
    ['fr', 'l’unanimité des États présents n’a pas été atteinte, 17 voix pour étaient requises'],
    ['ar', 'لعدم استيفاء قاعدة إجماع الدول الحاضرة (عدد الأصوات الموافقة المطلوب: 17)'],
  ] as const)('under unanimity too, and never "rejected by ... by unanimity" (%s)', (lang, phrase) => {
    expect(find(lang, phrase)).toBeGreaterThan(0);
    const all = [...paras(lang), ...views[lang].tables.flatMap((t) => t.rows.flat())].join('\n');
    expect(all).not.toMatch(/rejected by \d+ votes|rejetée par \d+ voix|rejetée[^\n]*à l’unanimité|rejected[^\n]*by unanimity/);
  });

  it.each(['ar', 'en', 'fr'] as const)('in the votes annex, with the same words as the item (%s)', (lang) => {
    const summary = views[lang].tables.find((t) => t.rows[0]!.length === 9)!;
    const rejectedRow = summary.rows.find((r) => r.slice(4, 8).join('/') === '13/1/1/2')!;
    expect(rejectedRow).toBeDefined();
    const itemSentence = paras(lang).find((t) => t.includes(rejectedRow[8]!.slice(1)))!;
    expect(itemSentence).toBeDefined();
    expect(rejectedRow[8]).toMatch(/14/);
  });
});

describe('each vote states its time, the states present and the quorum at that instant', () => {
  it.each([
    ['en', 'Put to a roll-call vote at the first sitting, at 11:45, with 12 of the 21 member states present (quorum: 11), the proposal was adopted as amended by 10 votes in favour to 1 against, with 1 abstention, by simple majority of votes cast.'],
    ['fr', 'Mise aux voix par appel nominal lors de la première séance, à 11 h 45, en présence de 12 des 21 États membres (quorum : 11), la proposition a été adoptée telle que modifiée par 10 voix pour, 1 contre, 1 abstention, à la majorité simple des suffrages exprimés.'],
    ['ar', 'وطُرح المقترح للتصويت بنداء الأسماء في الجلسة الأولى، في الساعة 11:45، بحضور 12 من أصل 21 دولة عضواً (النصاب المطلوب: 11)، فاعتُمد بصيغته المعدَّلة (موافق: 10، غير موافق: 1، ممتنع: 1)، وفق قاعدة الأغلبية البسيطة للأصوات المعبَّر عنها.'],
  ] as const)('%s', (lang, sentence) => {
    expect(paras(lang)[find(lang, sentence.slice(0, 60))]).toBe(sentence);
  });

  it.each([
    ['en', 'without quorum, as the rules of procedure allow (11 of the 21 member states present; quorum: 12), the proposal was adopted on the Chair’s casting vote, the votes being equal (5 votes in favour, 5 against, 1 abstention).', 'without quorum', 'casting vote'],
    ['fr', 'sans quorum, comme le règlement intérieur le permet (11 des 21 États membres présents ; quorum : 12), la proposition a été adoptée avec la voix prépondérante du Président, les voix étant partagées (5 voix pour, 5 contre, 1 abstention).', 'sans quorum', 'voix prépondérante'],
    ['ar', 'دون اكتمال النصاب، وفق ما يجيزه النظام الداخلي (الحاضر: 11 من أصل 21 دولة عضواً، والنصاب المطلوب: 12)، فاعتُمد بترجيح صوت الرئيس بعد تساوي الأصوات (موافق: 5، غير موافق: 5، ممتنع: 1).', 'دون اكتمال النصاب', 'بترجيح صوت الرئيس'],
  ] as const)('without quorum and on a casting vote: said in the item and marked in the annex (%s)', (lang, sentence, inquorate, casting) => {
    expect(find(lang, sentence)).toBeGreaterThan(0);
    const summary = views[lang].tables.find((t) => t.rows[0]!.length === 9)!;
    const row = summary.rows.find((r) => r.slice(4, 7).join('/') === '5/5/1')!;
    expect(row[3]).toContain(inquorate);
    expect(row[8]).toContain(casting);
  });

  it.each([
    ['en', 'by vote: adopted as amended by 10 votes in favour', '12 of 21 (quorum: 11)'],
    ['fr', 'par vote : adoptée telle que modifiée par 10 voix pour', '12 sur 21 (quorum : 11)'],
    ['ar', 'بالتصويت: اعتُمد بصيغته المعدَّلة (موافق: 10', '12 من 21 (النصاب: 11)'],
  ] as const)('the register of decisions gives the vote, its result and its quorum (%s)', (lang, result, quorum) => {
    const register = views[lang].tables.find((t) => t.rows.some((r) => r[0]!.endsWith('/66/3')) && t.rows[0]!.length === 5)!;
    const row = register.rows.find((r) => r[0]!.endsWith('/66/3'))!;
    expect(row[2]).toContain(result);
    expect(row[2]).toContain(quorum);
  });
});

describe('the votes annex counts every ballot', () => {
  it.each([
    ['en', 'Not participating'],
    ['fr', 'Ne participant pas'],
    ['ar', 'لم يشارك'],
  ] as const)('not participating is a column (%s)', (lang, column) => {
    const summary = views[lang].tables.find((t) => t.rows[0]!.length === 9)!;
    expect(summary.rows[0]![7]).toBe(column);
    for (const row of summary.rows.slice(1)) {
      const counted = row.slice(4, 8).reduce((n, x) => n + Number(x), 0);
      const present = Number(/^\d+/.exec(row[3]!)![0]);
      expect(counted).toBe(present);
    }
  });
});

describe('amendments come before the vote on their motion', () => {
  it.each([
    ['en', 'Amendment (submitted by the delegation of Algeria): ', 'The amendment was adopted by consensus.', 'the proposal was adopted as amended', 'Decision EC/66/3'],
    ['fr', 'Amendement (présenté par la délégation de l’Algérie) : ', 'L’amendement a été adopté par consensus.', 'la proposition a été adoptée telle que modifiée', 'Décision CE/66/3'],
    ['ar', 'تعديل (مقدَّم من وفد الجزائر): ', 'واعتُمد التعديل بالتوافق.', 'فاعتُمد بصيغته المعدَّلة', 'القرار رقم ق.م.ت/66/3'],
  ] as const)('%s', (lang, amendment, adopted, motionResult, decision) => {
    const order = [amendment, adopted, motionResult, decision].map((x) => find(lang, x));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The decision (the text as adopted) follows its motion's result, after the roll-call table and the
    // motion's text as amended only.
    expect(paras(lang).slice(order[2]! + 1, order[3]).filter((t) => t.trim())).toHaveLength(lang === 'en' ? 3 : 4);
  });

  it.each([
    ['en', 'The text of the proposal as amended:', ['The Council adopts the unified Arab standards after consulting the member states.']],
    ['ar', 'نص المقترح بصيغته المعدَّلة:', ['يعتمد المجلس المواصفات القياسية العربية الموحدة بعد التشاور مع الدول الأعضاء.', 'ويدعو الدول الأعضاء إلى تطبيقها.']],
    // No French text: the Arabic, marked for the translator, a paragraph per line.
    ['fr', 'Texte de la proposition telle que modifiée :', ['[traduction en attente] يعتمد المجلس المواصفات القياسية العربية الموحدة بعد التشاور مع الدول الأعضاء.', '[traduction en attente] ويدعو الدول الأعضاء إلى تطبيقها.']],
  ] as const)('"as amended" is followed by the motion\'s text as amended, a paragraph per line (%s)', (lang, label, lines) => {
    const all = paras(lang);
    const at = all.indexOf(label);
    expect(at).toBeGreaterThan(find(lang, lang === 'ar' ? 'فاعتُمد بصيغته المعدَّلة' : lang === 'en' ? 'the proposal was adopted as amended' : 'la proposition a été adoptée telle que modifiée'));
    expect(all.slice(at + 1, at + 1 + lines.length)).toEqual(lines);
    expect(all.filter((t) => t === label)).toHaveLength(1);
    expect(plain(html[lang])).toContain(label);
  });

  it('never says "présentée" or "Elle a été adoptée" of an amendment', () => {
    expect(paras('fr').filter((t) => /Amendement \(présentée|^Elle a été adoptée/.test(t))).toEqual([]);
  });
});

describe('roll calls, reservations, referrals, paragraphs', () => {
  it.each(['ar', 'en', 'fr'] as const)('list the roll call in the order it was taken (%s)', (lang) => {
    const r = scenario(base, lang).rows;
    const ballots = r.voteBallots.filter((b) => b.voteId === r.votes[0]!.id).sort((a, b) => a.rollOrder - b.rollOrder);
    const name = (id: string) => {
      const m = r.memberStates.find((x) => x.id === id)!;
      return { ar: m.nameAr, en: m.nameEn, fr: m.nameFr }[lang];
    };
    const table = views[lang].tables.find((t) => t.rows[0]!.length === 2 && t.rows.length === ballots.length + 1)!;
    expect(table.rows.slice(1).map((row) => row[0])).toEqual(ballots.map((b) => name(b.memberStateId)));
    expect(ballots[0]!.memberStateId).not.toBe(r.memberStates.sort((a, b) => a.protocolOrder - b.protocolOrder)[0]!.id);
  });

  it('print a reservation that names its delegation as it was typed, not inside a sentence naming it again', () => {
    const ar = paras('ar').filter((t) => t.includes('يتحفظ وفد الجزائر'));
    expect(ar).toEqual(['يتحفظ وفد الجزائر على المواصفات الخاصة بالإسمنت إلى حين استكمال دراستها وطنياً.']);
    // In English the Arabic text is untranslated: the English sentence says whose reservation it is, and
    // quotes the delegation's own sentence of reservation rather than making it the object of ours.
    expect(find('en', 'The delegation of Algeria entered a reservation on this decision, which reads: “[translation pending]')).toBeGreaterThan(0);
  });

  it('quotes a reservation typed as its own sentence ("يتحفظ الوفد على..."), in every language, so its verb is not said twice', () => {
    for (const text of ['يتحفظ الوفد على الجدول الزمني.', 'يتحفّظ الوفد على ذلك', 'وتتحفظ المملكة على البند', '«نتحفظ على الفقرة 3»']) {
      expect(opensWithReservation(text), text).toBe(true);
    }
    for (const text of ['على الجدول الزمني لمراجعة منتصف المدة.', 'بسبب عدم استكمال الدراسة الوطنية', 'Reservation on the timetable']) {
      expect(opensWithReservation(text), text).toBe(false);
    }
    expect(minutesWording('ar').reservationQuoted('الأردن', 'يتحفظ الوفد على الجدول.')).toBe('أبدى وفد الأردن على هذا القرار تحفّظاً نصُّه: «يتحفظ الوفد على الجدول.»');
    expect(minutesWording('fr').reservationQuoted('de la Jordanie', 'X')).toBe('La délégation de la Jordanie a émis une réserve sur cette décision, ainsi libellée : « X »');
  });

  it.each([
    ['ar', 'يُرفع هذا القرار إلى الجمعية العامة للمنظمة، للاعتماد النهائي في دورتها القادمة.'],
    ['en', 'This decision is referred to the General Assembly, [translation pending] للاعتماد النهائي في دورتها القادمة.'],
  ] as const)('write a referral as one sentence with its note inside (%s)', (lang, sentence) => {
    expect(paras(lang)).toContain(sentence);
  });

  it.each(['ar', 'en', 'fr'] as const)('print each line of an intervention as a paragraph, in the .docx and the HTML (%s)', (lang) => {
    const i = find(lang, 'First paragraph of the intervention.');
    expect(paras(lang)[i]).toMatch(/First paragraph of the intervention\.$/);
    expect(paras(lang)[i + 1]).toBe('Second paragraph.');
    expect(paras(lang)[i + 2]).toBe('Third paragraph.');
    // (In Arabic minutes the English text is isolated left to right: <bdi dir="ltr">.)
    const flat = html[lang].replace(/<\/?bdi[^>]*>/g, '');
    expect(flat).toMatch(/First paragraph of the intervention\.<\/p><p>Second paragraph\.<\/p><p>Third paragraph\.<\/p>/);
  });

  it.each([
    ['en', 'The delegation of Algeria served as rapporteur of the session, represented by عبد القادر بوزيد.', 'Rapporteur of the session'],
    ['fr', 'La délégation de l’Algérie a assuré les fonctions de rapporteur de la session, en la personne de عبد القادر بوزيد.', 'Rapporteur de la session'],
    ['ar', 'وتولّى وفد الجزائر مهمة مقرّر الدورة، ممثَّلاً في عبد القادر بوزيد.', 'مقرّر الدورة'],
  ] as const)('print the rapporteur, who signs, and the Director-General by name (%s)', (lang, sentence, role) => {
    expect(paras(lang)).toContain(sentence);
    const signatures = views[lang].tables.find((t) => t.style !== 'Council Table' && t.rows.flat().some((x) => x.includes(role)))!;
    const cellsText = signatures.rows.flat().join('\n');
    expect(cellsText).toContain('عبد القادر بوزيد');
    expect(cellsText).toContain('Adel Al-Saqr');
  });
});
