// Issue 9, attendance and quorum: the minutes of the second sample (the 12th extraordinary session,
// Cairo, resources/samples/cairo-x12.json) generated as .docx in Arabic, English and French and read back
// by python3-docx. Each situation of the sample, in each language: delegations present from the opening,
// a late arrival, a delegation that leaves and returns (two intervals in the annex) and costs the quorum
// (lost, then restored, told in the item under debate at that point, among its interventions and before
// its vote), every sitting's opening and closing, the
// states absent from the whole session, and a head of delegation who changes between sittings.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSessionBundle } from '../../src/bundle/import';
import { seedMemberStates } from '../../src/member-states/seed';
import { generateMinutesDocx } from '../../src/minutes/generate';
import { resolveSession } from '../../src/minutes/load-record';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { readDocx, SAMPLES, type DocxView } from './sample';

let db: TempDb;
const views: Record<string, DocxView> = {};

beforeAll(async () => {
  db = await openTempDb();
  await seedMemberStates(db.ctx);
  await importSessionBundle(db.ctx, JSON.parse(fs.readFileSync(path.join(SAMPLES, 'cairo-x12.json'), 'utf8')));
  const id = await resolveSession(db.db, 'extraordinary:12');
  for (const lang of ['ar', 'en', 'fr'] as const) {
    const file = path.join(db.dir, `cairo-${lang}.docx`);
    // No time zone given: the session's own (Africa/Cairo) prints the clock times.
    fs.writeFileSync(file, await generateMinutesDocx(db.ctx, id, { lang }));
    views[lang] = readDocx(file);
  }
}, 120_000);

afterAll(async () => {
  await db.cleanup();
});

/** What each language must say, in the order it must say it within the sittings' section. */
const expected = {
  ar: {
    section: 'الجلسات والحضور والنصاب',
    sittings: ['الجلسة الأولى — 17 فبراير 2025', 'الجلسة الثانية — 17 فبراير 2025', 'الجلسة الثالثة — 18 فبراير 2025'],
    openingQuorum: 'وقد ثبت اكتمال النصاب القانوني بحضور 14 من أصل 21 دولة عضواً، والنصاب المطلوب 14.',
    presentAtOpening: 'وحضر عند الافتتاح وفود: الأردن، الإمارات، البحرين، تونس، الجزائر، السعودية، السودان، العراق، عُمان، قطر، الكويت، لبنان، مصر والمغرب.',
    late: 'وفي الساعة 10:40 التحق وفد موريتانيا بالجلسة.',
    closed1: 'ورُفعت الجلسة الأولى في الساعة 12:30.',
    opened2: 'افتُتحت الجلسة الثانية بتاريخ 17 فبراير 2025 م، الموافق 18 شعبان 1446 هـ، في الساعة 15:00، برئاسة أحمد عبد الرحمن، رئيس وفد مصر.',
    left: 'وفي الساعة 16:15 غادر وفد لبنان الجلسة.',
    lost: 'وفي الساعة 16:15 لم يعد النصاب القانوني مكتملاً: حضرت 13 من أصل 21 دولة عضواً، والنصاب المطلوب 14.',
    returned: 'وفي الساعة 16:50 عاد وفد لبنان إلى الجلسة.',
    restored: 'وفي الساعة 16:50 اكتمل النصاب القانوني من جديد: حضرت 14 من أصل 21 دولة عضواً، والنصاب المطلوب 14.',
    closed2: 'ورُفعت الجلسة الثانية في الساعة 18:00.',
    head: 'وترأس وفد السعودية في هذه الجلسة عبد الله الزهراني، سفير، المندوب الدائم.',
    absent: 'ولم تُمثَّل في الدورة الدول الأعضاء التالية: جيبوتي، سوريا، الصومال، فلسطين، ليبيا واليمن.',
    lebanon: ['لبنان', 'من 15:00 إلى 16:15؛ من 16:50 إلى نهاية الجلسة'],
    headCell: 'عبد الله الزهراني، سفير، المندوب الدائم (في الجلسة الثالثة)',
    notMet: 'لم يكتمل النصاب عند الافتتاح',
    vote2: 'وطُرح المقترح للتصويت بنداء الأسماء في الجلسة الثانية، في الساعة 17:00',
  },
  en: {
    section: 'Sittings, attendance and quorum',
    sittings: ['The first sitting — 17 February 2025', 'The second sitting — 17 February 2025', 'The third sitting — 18 February 2025'],
    openingQuorum: 'The quorum was established: 14 of the 21 member states were present (quorum: 14).',
    presentAtOpening:
      'Present at the opening: the delegations of Jordan, the United Arab Emirates, Bahrain, Tunisia, Algeria, Saudi Arabia, Sudan, Iraq, Oman, Qatar, Kuwait, Lebanon, Egypt and Morocco.',
    late: 'At 10:40 the delegation of Mauritania joined the sitting.',
    closed1: 'The first sitting was closed at 12:30.',
    opened2: 'The second sitting opened on 17 February 2025 at 15:00, chaired by أحمد عبد الرحمن, head of the delegation of Egypt.',
    left: 'At 16:15 the delegation of Lebanon left the sitting.',
    lost: 'At 16:15 the quorum was no longer met: 13 of 21 member states present, 14 required.',
    returned: 'At 16:50 the delegation of Lebanon returned to the sitting.',
    restored: 'At 16:50 the quorum was restored: 14 of 21 member states present, 14 required.',
    closed2: 'The second sitting was closed at 18:00.',
    head: 'At this sitting the delegation of Saudi Arabia was headed by عبد الله الزهراني, سفير، المندوب الدائم.',
    absent: 'The following member states were not represented at the session: Djibouti, Syria, Somalia, Palestine, Libya and Yemen.',
    lebanon: ['Lebanon', '15:00–16:15; 16:50–end of sitting'],
    headCell: 'عبد الله الزهراني, سفير، المندوب الدائم (at the third sitting)',
    notMet: 'not met at the opening',
    vote2: 'Put to a roll-call vote at the second sitting, at 17:00',
  },
  fr: {
    section: 'Séances, présences et quorum',
    sittings: ['La première séance — 17 février 2025', 'La deuxième séance — 17 février 2025', 'La troisième séance — 18 février 2025'],
    openingQuorum: 'Le quorum a été constaté : 14 des 21 États membres étaient présents (quorum : 14).',
    presentAtOpening:
      'Présentes à l’ouverture : les délégations de la Jordanie, des Émirats arabes unis, de Bahreïn, de la Tunisie, de l’Algérie, de l’Arabie saoudite, du Soudan, de l’Irak, d’Oman, du Qatar, du Koweït, du Liban, de l’Égypte et du Maroc.',
    late: 'À 10 h 40, la délégation de la Mauritanie a rejoint la séance.',
    closed1: 'La première séance a été levée à 12 h 30.',
    opened2: 'La deuxième séance a été ouverte le 17 février 2025 à 15 h 00, sous la présidence de أحمد عبد الرحمن, chef de la délégation de l’Égypte.',
    left: 'À 16 h 15, la délégation du Liban a quitté la séance.',
    lost: 'À 16 h 15, le quorum n’était plus atteint : 13 États membres présents sur 21, 14 requis.',
    returned: 'À 16 h 50, la délégation du Liban est revenue en séance.',
    restored: 'À 16 h 50, le quorum a été rétabli : 14 États membres présents sur 21, 14 requis.',
    closed2: 'La deuxième séance a été levée à 18 h 00.',
    head: 'Lors de cette séance, la délégation de l’Arabie saoudite était conduite par عبد الله الزهراني, سفير، المندوب الدائم.',
    absent: 'Les États membres suivants n’étaient pas représentés à la session : Djibouti, Syrie, Somalie, Palestine, Libye et Yémen.',
    lebanon: ['Liban', '15 h 00–16 h 15; 16 h 50–fin de séance'],
    headCell: 'عبد الله الزهراني, سفير، المندوب الدائم (lors de la troisième séance)',
    notMet: 'pas atteint à l’ouverture',
    vote2: 'Mise aux voix par appel nominal lors de la deuxième séance, à 17 h 00',
  },
} as const;

// French times carry no-break spaces (10 h 40): compared with plain ones; an Arabic name inside English or
// French is isolated right to left (RLI … PDI, issue 16): compared without those layout marks.
const plain = (t: string) => t.replace(/\u00a0/g, ' ').replace(/[\u2067\u2069]/g, '');
const texts = (v: DocxView) => v.paragraphs.map((p) => plain(p.text));

describe.each(['ar', 'en', 'fr'] as const)('the %s minutes of the 12th extraordinary session', (lang) => {
  const x = expected[lang];
  const at = (needle: string) => texts(views[lang]!).indexOf(needle);

  it('open every sitting with its time, chair and quorum, counting the delegations present from the opening', () => {
    const v = views[lang]!;
    expect(v.paragraphs.find((p) => p.style === 'Heading 1' && p.text === x.section)).toBeTruthy();
    const headings = x.sittings.map((s) => v.paragraphs.findIndex((p) => p.style === 'Heading 2' && p.text === s));
    expect(headings.every((i) => i > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(texts(v).filter((t) => t === x.openingQuorum)).toHaveLength(2); // sittings 1 and 2: 14 of 21
    expect(texts(v).join('\n')).not.toContain(x.notMet);
    expect(at(x.presentAtOpening)).toBeGreaterThan(headings[0]!);
    expect(at(x.opened2)).toBeGreaterThan(headings[1]!);
  });

  it('tell the late arrival in time order, and open and close each sitting', () => {
    const [, second, third] = x.sittings.map((s) => at(s));
    const order = [x.late, x.closed1, x.opened2, x.closed2].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order[1]).toBeLessThan(second!);
    expect(order[3]).toBeLessThan(third!);
  });

  it('tell the quorum lost and restored during the debate on item 3 at the point it happened, once', () => {
    // Between the interventions of 16:05 and 16:30 the delegation of Lebanon left; it came back at 16:50,
    // before the vote of 17:00. The sittings' section no longer tells it.
    const find = (needle: string) => texts(views[lang]!).findIndex((t) => t.includes(needle));
    const order = [find('طلب الوفد إرجاء البت'), at(x.left), at(x.lost), find('أوضحت الأمانة الكلفة'), at(x.returned), at(x.restored), find(x.vote2)];
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order.slice(1)).toEqual(order.slice(0, -1).map((i) => i + 1)); // one after the other, nothing between
    expect(at(x.left)).toBeGreaterThan(at(x.closed2));
    for (const sentence of [x.left, x.lost, x.returned, x.restored]) expect(texts(views[lang]!).filter((t) => t === sentence)).toHaveLength(1);
  });

  it('name the member states absent from the whole session and the head who led a delegation at one sitting', () => {
    expect(at(x.absent)).toBeGreaterThan(0);
    expect(at(x.head)).toBeGreaterThan(at(x.sittings[2]));
    const table = views[lang]!.tables.find((t) => t.rows.some((r) => plain(r[1] ?? '').includes(x.headCell)));
    expect(table).toBeTruthy();
  });

  it('list every interval of presence in the attendance annex', () => {
    const annexRows = views[lang]!.tables.flatMap((t) => t.rows.map((r) => r.map(plain)));
    expect(annexRows).toContainEqual([...x.lebanon]);
  });
});
