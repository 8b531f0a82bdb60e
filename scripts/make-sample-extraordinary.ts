// The second sample session: the 12th extraordinary session of the Executive Council (Cairo, 17–18
// February 2025), recorded through the services as the secretariat would, to show what the minutes say
// about attendance and quorum (issue 9): three sittings over two days; a roll call at each opening
// (present from the opening); a late arrival; a delegation that leaves and returns and costs the quorum
// meanwhile (lost, then restored); a head of delegation who changes between sittings; six member states
// absent from the whole session; a tie decided by the chair's casting vote; an amendment and the motion's
// text as amended; the quorum lost and restored during an item's debate; a failed
// two-thirds vote; a reservation; a referral. Names of people are invented.
//   node scripts/node22.mjs node_modules/tsx/dist/cli.mjs scripts/make-sample-extraordinary.ts [OUT_DIR]
// writes cairo-x12.json (a session bundle; import it with `npm run council -- import`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { addAgendaItem } from '../src/agenda/service';
import { recordAgendaAdoption } from '../src/agenda/adoption-service';
import { recordArrival, recordDeparture, recordPresentFromOpening } from '../src/attendance/service';
import { bundleToJson, exportSessionBundle } from '../src/bundle/export';
import type { CoreContext } from '../src/core/context';
import { openDatabase } from '../src/database/open';
import { recordDecision } from '../src/decisions/service';
import { createMemberDelegation, createObserverDelegation, createSecretariatDelegation } from '../src/delegations/service';
import { setSittingHead } from '../src/delegations/sitting-heads';
import { seedMemberStates } from '../src/member-states/seed';
import { decideByConsensus, proposeMotion, setConsolidatedText } from '../src/motions/service';
import { addNote } from '../src/notes/service';
import { createReferral } from '../src/referrals/service';
import { createReservation } from '../src/reservations/service';
import { createSession, setSessionStatus } from '../src/sessions/service';
import { createSitting } from '../src/sittings/service';
import { recordRollCallVote } from '../src/votes/service';

type Ctx = CoreContext & { at(iso: string): void };
const loc = (ar: string, en: string, fr: string) => ({ ar, en, fr });

/** The 15 member states that attend, their heads (invented names); the other six never come. */
const HEADS: Record<string, [string, string]> = {
  JO: ['سامر الخطيب', 'أمين عام وزارة الصناعة والتجارة والتموين'],
  AE: ['Fatima Al Hammadi', 'Director of Industrial Policy'],
  BH: ['خالد المناعي', 'وكيل الوزارة المساعد للصناعة'],
  TN: ['منية بن سالم', 'المديرة العامة للبنية الصناعية'],
  DZ: ['عبد القادر بوزيد', 'مدير التقييس، وزارة الصناعة'],
  SA: ['فهد القحطاني', 'نائب رئيس الهيئة السعودية للمواصفات والمقاييس والجودة'],
  SD: ['عثمان الأمين', 'مدير عام الصناعة'],
  IQ: ['حيدر الجبوري', 'مدير عام التطوير الصناعي'],
  OM: ['سالم البلوشي', 'مدير عام المواصفات والمقاييس'],
  QA: ['علي المهندي', 'مدير إدارة الصناعة'],
  KW: ['ناصر العنزي', 'مدير إدارة التنمية الصناعية'],
  LB: ['Rania Haddad', 'Directrice de l’industrie'],
  EG: ['أحمد عبد الرحمن', 'رئيس الهيئة العامة للتنمية الصناعية'],
  MA: ['محمد العلوي', 'مدير التنمية الصناعية'],
  MR: ['سيدي محمد ولد أحمد', 'مستشار وزير المعادن والصناعة'],
};
export const ABSENT = ['DJ', 'SY', 'SO', 'PS', 'LY', 'YE'];

export async function makeCairoX12(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('memberState').select(['id', 'isoCode']).execute();
  const ids = new Map(rows.map((r) => [r.isoCode, r.id]));
  ctx.at('2025-02-01T08:00:00Z');
  const session = await createSession(ctx, {
    kind: 'extraordinary',
    number: 12,
    venue: { city: loc('القاهرة', 'Cairo', 'Le Caire'), country: loc('جمهورية مصر العربية', 'Arab Republic of Egypt', 'République arabe d’Égypte') },
    startDate: '2025-02-17',
    endDate: '2025-02-18',
    languages: ['ar', 'en', 'fr'],
    chairStateId: ids.get('EG')!,
    timeZone: 'Africa/Cairo',
    quorumRule: 'two_thirds_of_members',
    defaultMajorityRule: 'simple_majority_of_votes_cast',
    chairCastingVote: true,
  });
  await setSessionStatus(ctx, { id: session.id, status: 'in_progress' });
  const dels = new Map<string, string>();
  for (const [iso, [fullName, title]] of Object.entries(HEADS)) {
    const d = await createMemberDelegation(ctx, {
      sessionId: session.id,
      memberStateId: ids.get(iso)!,
      credentialsReceivedOn: iso === 'MR' ? null : '2025-02-15',
      delegates: [
        { fullName, title, role: 'head' },
        ...(iso === 'SA' ? [{ fullName: 'عبد الله الزهراني', title: 'سفير، المندوب الدائم', role: 'member' as const }] : []),
      ],
    });
    dels.set(iso, d.id);
  }
  const observer = await createObserverDelegation(ctx, {
    sessionId: session.id,
    name: loc('الأمانة العامة لجامعة الدول العربية', 'General Secretariat of the League of Arab States', 'Secrétariat général de la Ligue des États arabes'),
    representatives: [{ fullName: 'هالة منصور', title: 'مديرة إدارة التنمية الاقتصادية' }],
  });
  await createSecretariatDelegation(ctx, { sessionId: session.id, staff: [{ fullName: 'عادل الصقر', title: 'المدير العام' }] });

  // Cairo is UTC+2 in February: 10:00 local is 08:00Z.
  const s1 = await createSitting(ctx, { sessionId: session.id, startsAt: '2025-02-17T08:00:00Z', endsAt: '2025-02-17T10:30:00Z' });
  const s2 = await createSitting(ctx, { sessionId: session.id, startsAt: '2025-02-17T13:00:00Z', endsAt: '2025-02-17T16:00:00Z' });
  const s3 = await createSitting(ctx, { sessionId: session.id, startsAt: '2025-02-18T08:00:00Z', endsAt: '2025-02-18T10:15:00Z' });
  const all = [...dels.keys()];
  const del = (iso: string) => dels.get(iso)!;

  // Sitting 1: the roll call at the opening finds 14 of 15 (quorum 14 of 21); Mauritania arrives late.
  ctx.at('2025-02-17T08:05:00Z');
  await recordPresentFromOpening(ctx, { sittingId: s1.id, delegationIds: [...all.filter((x) => x !== 'MR').map(del), observer.id] });
  ctx.at('2025-02-17T08:40:00Z');
  await recordArrival(ctx, { sittingId: s1.id, delegationId: del('MR'), at: '2025-02-17T08:40:00Z' });
  // Sitting 2: Mauritania does not come back; 14 at the opening, exactly the quorum. Lebanon leaves at
  // 16:15 (quorum lost: 13 of 21) in the middle of the debate on item 3 and returns at 16:50 (restored)
  // (recorded below, with the debate).
  ctx.at('2025-02-17T13:02:00Z');
  await recordPresentFromOpening(ctx, { sittingId: s2.id, delegationIds: all.filter((x) => x !== 'MR').map(del) });
  // Sitting 3: all fifteen from the opening; the Saudi delegation is led by its ambassador.
  ctx.at('2025-02-18T08:03:00Z');
  await recordPresentFromOpening(ctx, { sittingId: s3.id, delegationIds: all.map(del) });
  await setSittingHead(ctx, { sittingId: s3.id, delegationId: del('SA'), fullName: 'عبد الله الزهراني', title: 'سفير، المندوب الدائم' });

  // The agenda
  ctx.at('2025-02-17T08:10:00Z');
  const item = async (ar: string, en: string, fr: string, presenter = '') =>
    addAgendaItem(ctx, { sessionId: session.id, title: loc(ar, en, fr), presenter, status: 'discussed' });
  await item('إقرار جدول الأعمال', 'Adoption of the agenda', 'Adoption de l’ordre du jour');
  const plan = await item('مشروع خطة إعادة هيكلة المنظمة', 'The draft plan to restructure the Organization', 'Le projet de plan de restructuration de l’Organisation', 'المدير العام');
  const centre = await item('مقترح نقل المركز العربي للتقييس إلى مقر المنظمة', 'Proposal to move the Arab Standardization Centre to the Organization’s headquarters', 'Proposition de transfert du Centre arabe de normalisation au siège de l’Organisation', 'مديرة إدارة التقييس');
  const next = await item('موعد ومكان انعقاد الدورة العادية القادمة', 'Date and venue of the next ordinary session', 'Date et lieu de la prochaine session ordinaire');
  await recordAgendaAdoption(ctx, { sessionId: session.id, sittingId: s1.id, adoptedAt: '2025-02-17T08:10:00Z', asAmended: false });

  const ballots = (present: string[], choices: Record<string, 'yes' | 'no' | 'abstain'>) =>
    present.map((iso) => ({ memberStateId: ids.get(iso)!, choice: choices[iso] ?? 'yes' }));

  // Item 2: an amendment adopted by consensus, then the motion as amended: a tie, 7 to 7 with one
  // abstention, decided by the chair's casting vote. Algeria enters a reservation; referred to the General Assembly.
  ctx.at('2025-02-17T08:20:00Z');
  await addNote(ctx, { agendaItemId: plan.id, at: '2025-02-17T08:20:00Z', speakerKind: 'secretariat', speakerDelegationId: null, text: 'عرض المدير العام مشروع خطة إعادة هيكلة المنظمة ودمج إدارتي التنمية الصناعية والتعدين.', language: 'ar' });
  ctx.at('2025-02-17T08:30:00Z');
  const mPlan = await proposeMotion(ctx, {
    agendaItemId: plan.id,
    proposerDelegationId: del('EG'),
    text: loc('اعتماد خطة إعادة هيكلة المنظمة كما عرضها المدير العام.', 'To approve the plan to restructure the Organization as presented by the Director-General.', 'Approuver le plan de restructuration de l’Organisation tel que présenté par le Directeur général.'),
  });
  ctx.at('2025-02-17T08:50:00Z');
  const aPlan = await proposeMotion(ctx, {
    agendaItemId: plan.id,
    parentMotionId: mPlan.id,
    proposerDelegationId: del('TN'),
    text: loc('إضافة: "على أن يُنفَّذ الدمج على مرحلتين خلال سنتين".', 'To add: "the merger to be carried out in two stages over two years".', 'Ajouter : « la fusion étant réalisée en deux étapes sur deux ans ».'),
  });
  await decideByConsensus(ctx, { id: aPlan.id, at: '2025-02-17T09:00:00Z' });
  // The motion's text as amended, recorded once the amendment is adopted: the minutes print it after "as amended".
  await setConsolidatedText(ctx, {
    id: mPlan.id,
    text: loc(
      'اعتماد خطة إعادة هيكلة المنظمة كما عرضها المدير العام، على أن يُنفَّذ الدمج على مرحلتين خلال سنتين.',
      'To approve the plan to restructure the Organization as presented by the Director-General, the merger to be carried out in two stages over two years.',
      'Approuver le plan de restructuration de l’Organisation tel que présenté par le Directeur général, la fusion étant réalisée en deux étapes sur deux ans.',
    ),
  });
  ctx.at('2025-02-17T09:30:00Z');
  const voters1 = [...all];
  await recordRollCallVote(ctx, {
    motionId: mPlan.id,
    sittingId: s1.id,
    at: '2025-02-17T09:30:00Z',
    ballots: ballots(voters1, { DZ: 'no', SD: 'no', IQ: 'no', OM: 'no', QA: 'no', KW: 'no', LB: 'no', MR: 'abstain' }),
    castingVote: 'yes',
  });
  const dPlan = await recordDecision(ctx, {
    agendaItemId: plan.id,
    motionId: mPlan.id,
    adoptedAt: '2025-02-17T09:30:00Z',
    text: loc(
      'يعتمد المجلس خطة إعادة هيكلة المنظمة، على أن يُنفَّذ الدمج على مرحلتين خلال سنتين، ويرفعها إلى الجمعية العامة.',
      'The Council approves the plan to restructure the Organization, the merger to be carried out in two stages over two years, and submits it to the General Assembly.',
      'Le Conseil approuve le plan de restructuration de l’Organisation, la fusion étant réalisée en deux étapes sur deux ans, et le soumet à l’Assemblée générale.',
    ),
  });
  ctx.at('2025-02-17T09:40:00Z');
  await createReservation(ctx, { decisionId: dPlan.id, memberStateId: ids.get('DZ')!, text: 'يتحفظ وفد الجزائر على دمج إدارة التعدين قبل تقييم أثره على برامجها.' });
  await createReferral(ctx, { decisionId: dPlan.id, body: 'general_assembly', note: 'للنظر فيها في دورتها القادمة.' });

  // Item 3 (sitting 2): the quorum is lost and restored during the debate; then a two-thirds majority of
  // those present and voting is needed and not reached.
  ctx.at('2025-02-17T13:30:00Z');
  await addNote(ctx, { agendaItemId: centre.id, at: '2025-02-17T13:30:00Z', speakerKind: 'delegation', speakerDelegationId: del('MA'), text: 'اعترض الوفد على نقل المركز قبل إعداد دراسة جدوى.', language: 'ar' });
  ctx.at('2025-02-17T13:45:00Z');
  const mCentre = await proposeMotion(ctx, {
    agendaItemId: centre.id,
    proposerDelegationId: del('JO'),
    majorityRule: 'two_thirds_present_and_voting',
    text: loc('نقل المركز العربي للتقييس إلى مقر المنظمة في الرباط.', 'To move the Arab Standardization Centre to the Organization’s headquarters in Rabat.', 'Transférer le Centre arabe de normalisation au siège de l’Organisation à Rabat.'),
  });
  ctx.at('2025-02-17T14:05:00Z');
  await addNote(ctx, { agendaItemId: centre.id, at: '2025-02-17T14:05:00Z', speakerKind: 'delegation', speakerDelegationId: del('TN'), text: 'طلب الوفد إرجاء البت في المقترح إلى الدورة العادية القادمة.', language: 'ar' });
  ctx.at('2025-02-17T14:15:00Z');
  await recordDeparture(ctx, { sittingId: s2.id, delegationId: del('LB'), at: '2025-02-17T14:15:00Z' });
  ctx.at('2025-02-17T14:30:00Z');
  await addNote(ctx, { agendaItemId: centre.id, at: '2025-02-17T14:30:00Z', speakerKind: 'secretariat', speakerDelegationId: null, text: 'أوضحت الأمانة الكلفة التقديرية لنقل المركز.', language: 'ar' });
  ctx.at('2025-02-17T14:50:00Z');
  await recordArrival(ctx, { sittingId: s2.id, delegationId: del('LB'), at: '2025-02-17T14:50:00Z' });
  ctx.at('2025-02-17T15:00:00Z');
  const voters2 = all.filter((x) => x !== 'MR');
  await recordRollCallVote(ctx, {
    motionId: mCentre.id,
    sittingId: s2.id,
    at: '2025-02-17T15:00:00Z',
    ballots: ballots(voters2, { MA: 'no', TN: 'no', DZ: 'no', LB: 'no', SD: 'no', KW: 'abstain' }),
  });

  // Item 4 (sitting 3): by consensus.
  ctx.at('2025-02-18T09:30:00Z');
  const mNext = await proposeMotion(ctx, {
    agendaItemId: next.id,
    text: loc('عقد الدورة العادية السابعة والستين في الرباط في أيار/مايو 2025.', 'To hold the 67th ordinary session in Rabat in May 2025.', 'Tenir la 67e session ordinaire à Rabat en mai 2025.'),
  });
  await decideByConsensus(ctx, { id: mNext.id, at: '2025-02-18T09:30:00Z' });
  await recordDecision(ctx, {
    agendaItemId: next.id,
    motionId: mNext.id,
    sittingId: s3.id,
    adoptedAt: '2025-02-18T09:30:00Z',
    text: loc('يقرر المجلس عقد دورته العادية السابعة والستين في الرباط في أيار/مايو 2025.', 'The Council decides to hold its 67th ordinary session in Rabat in May 2025.', 'Le Conseil décide de tenir sa 67e session ordinaire à Rabat en mai 2025.'),
  });
  ctx.at('2025-02-18T10:15:00Z');
  await setSessionStatus(ctx, { id: session.id, status: 'closed' });
  return { session, sittings: [s1, s2, s3], delegations: dels };
}

export async function makeCairoDatabase(file: string): Promise<string> {
  const opened = await openDatabase({ path: file });
  let now = new Date('2025-02-01T08:00:00Z');
  const ctx: Ctx = { db: opened.db, now: () => now, actorOverride: 'sample', at: (iso) => (now = new Date(iso)) };
  try {
    await seedMemberStates(ctx);
    return (await makeCairoX12(ctx)).session.id;
  } finally {
    await opened.close();
  }
}

async function main() {
  const outDir = path.resolve(process.argv[2] ?? 'resources/samples');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-sample-'));
  const file = path.join(dir, 'sample.sqlite');
  const id = await makeCairoDatabase(file);
  const opened = await openDatabase({ path: file });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'cairo-x12.json'), bundleToJson(await exportSessionBundle(opened.db, id, new Date('2025-02-19T09:00:00Z'))));
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`wrote ${outDir}/cairo-x12.json`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
