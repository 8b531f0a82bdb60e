// The sample sessions, built through the services exactly as the secretariat would record them: the
// 65th ordinary session (Baghdad, May 2024) with follow-up actions, and the 66th (Agadir, November 2024)
// beside the Arab forum on small and medium industries. Names of people are invented.
//   npx tsx scripts/make-sample-session.ts [OUT_DIR]   (default resources/samples)
// writes baghdad-65.json and agadir-66.json (session bundles) used by tests, the bench and the README.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAction, addActionUpdate } from '../src/actions/service';
import { addAgendaItem, listAgenda, updateAgendaItem } from '../src/agenda/service';
import { applyAgendaTemplate } from '../src/agenda/template-service';
import { recordAgendaAdoption } from '../src/agenda/adoption-service';
import { recordArrival, recordDeparture } from '../src/attendance/service';
import { bundleToJson, exportSessionBundle } from '../src/bundle/export';
import type { CoreContext } from '../src/core/context';
import { openDatabase } from '../src/database/open';
import { recordDecision } from '../src/decisions/service';
import { createMemberDelegation, createObserverDelegation, createSecretariatDelegation } from '../src/delegations/service';
import { seedMemberStates } from '../src/member-states/seed';
import { decideByConsensus, proposeMotion } from '../src/motions/service';
import { addNote } from '../src/notes/service';
import { createReferral } from '../src/referrals/service';
import { createReservation } from '../src/reservations/service';
import { createSession, setSessionStatus } from '../src/sessions/service';
import { createSitting } from '../src/sittings/service';
import { recordRollCallVote } from '../src/votes/service';

type Ctx = CoreContext & { at(iso: string): void };

async function makeContext(file: string): Promise<{ ctx: Ctx; close: () => Promise<void> }> {
  const opened = await openDatabase({ path: file });
  let now = new Date('2024-05-01T08:00:00Z');
  const ctx: Ctx = { db: opened.db, now: () => now, actorOverride: 'sample', at: (iso) => (now = new Date(iso)) };
  return { ctx, close: () => opened.close() };
}

const loc = (ar: string, en: string, fr: string) => ({ ar, en, fr });

async function states(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom('memberState').select(['id', 'isoCode']).execute();
  return new Map(rows.map((r) => [r.isoCode, r.id]));
}

/** Heads of delegation (invented names), by ISO code. */
const HEADS: Record<string, [string, string]> = {
  MA: ['محمد العلوي', 'مدير التنمية الصناعية، وزارة الصناعة والتجارة'],
  JO: ['سامر الخطيب', 'أمين عام وزارة الصناعة والتجارة والتموين'],
  AE: ['Fatima Al Hammadi', 'Director of Industrial Policy, Ministry of Industry and Advanced Technology'],
  BH: ['خالد المناعي', 'وكيل الوزارة المساعد للصناعة'],
  TN: ['منية بن سالم', 'المديرة العامة للبنية الصناعية'],
  DZ: ['عبد القادر بوزيد', 'مدير التقييس، وزارة الصناعة'],
  SA: ['فهد القحطاني', 'نائب رئيس الهيئة السعودية للمواصفات والمقاييس والجودة'],
  SD: ['عثمان الأمين', 'مدير عام الصناعة'],
  IQ: ['حيدر الجبوري', 'مدير عام التطوير الصناعي'],
  OM: ['سالم البلوشي', 'مدير عام المواصفات والمقاييس'],
  EG: ['أحمد عبد الرحمن', 'رئيس الهيئة العامة للتنمية الصناعية'],
  MR: ['سيدي محمد ولد أحمد', 'مستشار وزير المعادن والصناعة'],
  KW: ['ناصر العنزي', 'مدير إدارة التنمية الصناعية'],
  LB: ['Rania Haddad', 'Directrice de l’industrie'],
};

async function delegationsFor(ctx: Ctx, sessionId: string, isoCodes: string[], credentialsOn: string, late?: string) {
  const ids = await states(ctx);
  const out = new Map<string, string>();
  for (const iso of isoCodes) {
    const [fullName, title] = HEADS[iso]!;
    const d = await createMemberDelegation(ctx, {
      sessionId,
      memberStateId: ids.get(iso)!,
      credentialsReceivedOn: iso === late ? null : credentialsOn,
      delegates: [
        { fullName, title, role: 'head' },
        ...(iso === 'MA' || iso === 'SA' || iso === 'EG' ? [{ fullName: iso === 'MA' ? 'ليلى بنعلي' : iso === 'SA' ? 'عبد الله الزهراني' : 'منى فؤاد', title: 'عضو', role: 'member' as const }] : []),
      ],
    });
    out.set(iso, d.id);
  }
  return out;
}

export async function makeBaghdad65(ctx: Ctx) {
  const ids = await states(ctx);
  ctx.at('2024-04-20T08:00:00Z');
  const session = await createSession(ctx, {
    kind: 'ordinary',
    number: 65,
    venue: { city: loc('بغداد', 'Baghdad', 'Bagdad'), country: loc('جمهورية العراق', 'Republic of Iraq', 'République d’Irak') },
    startDate: '2024-05-14',
    endDate: '2024-05-14',
    languages: ['ar', 'en', 'fr'],
    chairStateId: ids.get('IQ')!,
    timeZone: 'Asia/Baghdad',
    quorumRule: 'absolute_majority_of_members',
  });
  await setSessionStatus(ctx, { id: session.id, status: 'in_progress' });
  const sitting = await createSitting(ctx, { sessionId: session.id, startsAt: '2024-05-14T07:00:00Z', endsAt: '2024-05-14T11:00:00Z' });
  const present = ['JO', 'AE', 'TN', 'DZ', 'SA', 'SD', 'IQ', 'OM', 'KW', 'EG', 'MA'];
  const dels = await delegationsFor(ctx, session.id, present, '2024-05-12');
  for (const id of dels.values()) await recordArrival(ctx, { sittingId: sitting.id, delegationId: id, at: '2024-05-14T07:00:00Z' });
  ctx.at('2024-05-14T06:00:00Z');
  await applyAgendaTemplate(ctx, { sessionId: session.id });
  const agenda = await listAgenda(ctx, { sessionId: session.id });
  const item = (key: string) => agenda.find((a) => a.standingKey === key)!;
  ctx.at('2024-05-14T07:10:00Z');
  await recordAgendaAdoption(ctx, { sessionId: session.id, sittingId: sitting.id, adoptedAt: '2024-05-14T07:10:00Z', asAmended: false });
  const decide = async (key: string, at: string, text: { ar: string; en: string; fr: string }) => {
    ctx.at(at);
    const m = await proposeMotion(ctx, { agendaItemId: item(key).id, text });
    await decideByConsensus(ctx, { id: m.id, at });
    return recordDecision(ctx, { agendaItemId: item(key).id, motionId: m.id, sittingId: sitting.id, adoptedAt: at, text });
  };
  const d1 = await decide('director_general_report', '2024-05-14T08:00:00Z', loc(
    'يحيط المجلس علماً بتقرير المدير العام، ويكلّف الأمانة العامة بإعداد دليل عربي لحاضنات الأعمال الصناعية.',
    'The Council takes note of the Director-General’s report and asks the Secretariat to prepare an Arab guide to industrial business incubators.',
    'Le Conseil prend acte du rapport du Directeur général et charge le Secrétariat d’élaborer un guide arabe des incubateurs industriels.',
  ));
  const d2 = await decide('budget_and_contributions', '2024-05-14T09:30:00Z', loc(
    'يدعو المجلس الدول الأعضاء إلى تسديد مساهماتها المتأخرة في ميزانية المنظمة قبل نهاية السنة المالية.',
    'The Council calls on member states to pay their contributions in arrears before the end of the financial year.',
    '',
  ));
  ctx.at('2024-05-14T10:00:00Z');
  const a1 = await createAction(ctx, { decisionId: d1.id, description: 'إعداد الدليل العربي لحاضنات الأعمال الصناعية', responsible: { kind: 'secretariat_unit', unit: 'إدارة التنمية الصناعية' }, dueDate: '2024-10-31' });
  const a2 = await createAction(ctx, { decisionId: d2.id, description: 'مراسلة الدول الأعضاء بشأن المساهمات المتأخرة', responsible: { kind: 'secretariat_unit', unit: 'الإدارة المالية' }, dueDate: '2024-07-31' });
  const a3 = await createAction(ctx, { decisionId: d2.id, description: 'تسديد المساهمة المتأخرة لعام 2023', responsible: { kind: 'member_state', memberStateId: ids.get('SD')! }, dueDate: '2024-12-31' });
  ctx.at('2024-05-14T11:00:00Z');
  await setSessionStatus(ctx, { id: session.id, status: 'closed' });
  return { session, actions: [a1, a2, a3] };
}

export async function makeAgadir66(ctx: Ctx, earlier: Awaited<ReturnType<typeof makeBaghdad65>>) {
  const ids = await states(ctx);
  ctx.at('2024-10-20T08:00:00Z');
  const session = await createSession(ctx, {
    kind: 'ordinary',
    number: 66,
    venue: { city: loc('أكادير', 'Agadir', 'Agadir'), country: loc('المملكة المغربية', 'Kingdom of Morocco', 'Royaume du Maroc') },
    startDate: '2024-11-12',
    endDate: '2024-11-13',
    languages: ['ar', 'en', 'fr'],
    chairStateId: ids.get('MA')!,
    timeZone: 'Africa/Casablanca',
    quorumRule: 'absolute_majority_of_members',
  });
  await setSessionStatus(ctx, { id: session.id, status: 'in_progress' });
  const s1 = await createSitting(ctx, { sessionId: session.id, startsAt: '2024-11-12T08:00:00Z', endsAt: '2024-11-12T12:30:00Z' });
  const s2 = await createSitting(ctx, { sessionId: session.id, startsAt: '2024-11-13T08:30:00Z', endsAt: '2024-11-13T11:45:00Z' });
  const present = ['JO', 'AE', 'BH', 'TN', 'DZ', 'SA', 'SD', 'IQ', 'OM', 'EG', 'MA', 'MR'];
  const dels = await delegationsFor(ctx, session.id, present, '2024-11-10', 'MR');
  const observer = await createObserverDelegation(ctx, {
    sessionId: session.id,
    name: loc('الأمانة العامة لجامعة الدول العربية', 'General Secretariat of the League of Arab States', 'Secrétariat général de la Ligue des États arabes'),
    representatives: [{ fullName: 'هالة منصور', title: 'مديرة إدارة التنمية الاقتصادية' }],
  });
  await createSecretariatDelegation(ctx, {
    sessionId: session.id,
    staff: [
      { fullName: 'عادل الصقر', title: 'المدير العام' },
      { fullName: 'نادية الفاسي', title: 'مديرة إدارة التقييس' },
    ],
  });
  for (const [iso, id] of dels) {
    if (iso === 'MR') await recordArrival(ctx, { sittingId: s1.id, delegationId: id, at: '2024-11-12T09:15:00Z' });
    else await recordArrival(ctx, { sittingId: s1.id, delegationId: id, at: '2024-11-12T08:00:00Z' });
    await recordArrival(ctx, { sittingId: s2.id, delegationId: id, at: '2024-11-13T08:30:00Z' });
  }
  await recordArrival(ctx, { sittingId: s1.id, delegationId: observer.id, at: '2024-11-12T08:00:00Z' });
  await recordDeparture(ctx, { sittingId: s2.id, delegationId: dels.get('BH')!, at: '2024-11-13T11:00:00Z' });

  ctx.at('2024-11-12T07:00:00Z');
  await applyAgendaTemplate(ctx, { sessionId: session.id });
  let agenda = await listAgenda(ctx, { sessionId: session.id });
  const std = (key: string) => agenda.find((a) => a.standingKey === key)!;
  const standards = await addAgendaItem(ctx, {
    sessionId: session.id,
    index: 3,
    title: loc(
      'تقرير اللجنة الاستشارية للتقييس: المواصفات القياسية العربية المعتمدة مرحلياً والمرفوعة إلى الجمعية العامة',
      'Report of the Advisory Committee on Standardization: Arab standards adopted provisionally and raised to the General Assembly',
      'Rapport du Comité consultatif de normalisation : normes arabes adoptées à titre provisoire et soumises à l’Assemblée générale',
    ),
    presenter: 'مديرة إدارة التقييس',
    documentRefs: ['م.ت/66/4', 'م.ت/66/4/ملحق'],
  });
  const forum = await addAgendaItem(ctx, {
    sessionId: session.id,
    index: 4,
    title: loc('الملتقى العربي الدولي للصناعات الصغيرة والمتوسطة (أكادير، 2024)', 'The Arab international forum on small and medium industries (Agadir, 2024)', ''),
    presenter: 'المدير العام',
    documentRefs: ['م.ت/66/5'],
  });
  await updateAgendaItem(ctx, { id: std('director_general_report').id, presenter: 'المدير العام', documentRefs: ['م.ت/66/2'], status: 'discussed' });
  await updateAgendaItem(ctx, { id: std('follow_up_report').id, presenter: 'الأمانة العامة', documentRefs: ['م.ت/66/3'], status: 'discussed' });
  agenda = await listAgenda(ctx, { sessionId: session.id });

  ctx.at('2024-11-12T08:20:00Z');
  await recordAgendaAdoption(ctx, { sessionId: session.id, sittingId: s1.id, adoptedAt: '2024-11-12T08:20:00Z', asAmended: true, note: 'أُضيف بند الملتقى العربي الدولي للصناعات الصغيرة والمتوسطة بناءً على اقتراح وفد المملكة المغربية.' });

  const note = async (itemId: string, at: string, iso: string | null, text: string, language: 'ar' | 'en' | 'fr' = 'ar', kind: 'delegation' | 'observer' | 'chair' | 'secretariat' = 'delegation', delegationId?: string) => {
    ctx.at(at);
    await addNote(ctx, { agendaItemId: itemId, at, speakerKind: kind, speakerDelegationId: delegationId ?? (iso ? dels.get(iso)! : null), text, language });
  };
  const consensus = async (itemId: string, at: string, sittingId: string, text: { ar: string; en: string; fr: string }, proposer?: string) => {
    ctx.at(at);
    const m = await proposeMotion(ctx, { agendaItemId: itemId, text, proposerDelegationId: proposer ? dels.get(proposer)! : null });
    await decideByConsensus(ctx, { id: m.id, at });
    return recordDecision(ctx, { agendaItemId: itemId, motionId: m.id, sittingId, adoptedAt: at, text });
  };

  // Director-General's report
  const dg = std('director_general_report').id;
  await note(dg, '2024-11-12T08:35:00Z', 'JO', 'أثنى الوفد على ما تضمنه التقرير من برامج لدعم الصناعات التحويلية، ودعا إلى توسيع برامج التدريب في مجال الجودة.');
  await note(dg, '2024-11-12T08:45:00Z', 'AE', 'The delegation welcomed the report and asked for a digital platform for industrial data across member states.', 'en');
  await consensus(dg, '2024-11-12T09:00:00Z', s1.id, loc(
    'يحيط المجلس علماً بتقرير المدير العام عن نشاط المنظمة للفترة الممتدة من أيار/مايو إلى تشرين الأول/أكتوبر 2024، ويشيد بالجهود المبذولة.',
    'The Council takes note of the Director-General’s report on the Organization’s activities from May to October 2024 and commends the efforts made.',
    'Le Conseil prend acte du rapport du Directeur général sur les activités de l’Organisation de mai à octobre 2024 et salue les efforts accomplis.',
  ));

  // Follow-up report
  const fu = std('follow_up_report').id;
  await note(fu, '2024-11-12T09:20:00Z', null, 'عرضت الأمانة العامة ما آل إليه تنفيذ قرارات الدورة الخامسة والستين في بغداد.', 'ar', 'secretariat');
  await note(fu, '2024-11-12T09:30:00Z', 'MR', 'أكد الوفد التزام بلاده بمتابعة تنفيذ القرارات المتعلقة بالتعدين.');
  const [a1, a2] = earlier.actions;
  ctx.at('2024-11-12T09:35:00Z');
  await addActionUpdate(ctx, { actionItemId: a1!.id, at: '2024-11-12T09:35:00Z', text: 'أُنجزت المسودة الأولى للدليل وعُرضت على خبراء الدول الأعضاء.', status: 'in_progress', reportedAtSessionId: session.id });
  await addActionUpdate(ctx, { actionItemId: a2!.id, at: '2024-11-12T09:36:00Z', text: 'وُجّهت المراسلات إلى جميع الدول الأعضاء في حزيران/يونيو 2024.', status: 'done', reportedAtSessionId: session.id });
  await consensus(fu, '2024-11-12T09:45:00Z', s1.id, loc(
    'يحيط المجلس علماً بتقرير متابعة تنفيذ قرارات الدورة الخامسة والستين، ويطلب من الأمانة العامة استكمال إعداد الدليل العربي لحاضنات الأعمال الصناعية.',
    'The Council takes note of the follow-up report on the decisions of the 65th session and asks the Secretariat to complete the Arab guide to industrial business incubators.',
    '',
  ));

  // Arab standards adopted provisionally: a roll-call vote adopted, a reservation, a referral
  await note(standards.id, '2024-11-12T10:00:00Z', null, 'عرضت الأمانة العامة 24 مواصفة قياسية عربية اعتمدتها اللجنة الاستشارية للتقييس مرحلياً، منها مواصفات ISO 9001 وIEC 60335 المتبناة.', 'ar', 'secretariat');
  await note(standards.id, '2024-11-12T10:10:00Z', 'DZ', 'طلب الوفد مهلة إضافية لمراجعة مواصفات الإسمنت قبل رفعها إلى الجمعية العامة.');
  await note(standards.id, '2024-11-12T10:20:00Z', 'SA', 'أيّد الوفد رفع المواصفات إلى الجمعية العامة، مع مراعاة اللوائح الفنية الخليجية.');
  ctx.at('2024-11-12T10:30:00Z');
  const mStd = await proposeMotion(ctx, {
    agendaItemId: standards.id,
    proposerDelegationId: dels.get('EG')!,
    text: loc(
      'رفع المواصفات القياسية العربية الأربع والعشرين المعتمدة مرحلياً إلى الجمعية العامة لاعتمادها نهائياً.',
      'To raise the twenty-four Arab standards adopted provisionally to the General Assembly for final adoption.',
      'Soumettre les vingt-quatre normes arabes adoptées à titre provisoire à l’Assemblée générale pour adoption définitive.',
    ),
  });
  const ballots = (choices: Record<string, 'yes' | 'no' | 'abstain'>) =>
    present.map((iso) => ({ memberStateId: ids.get(iso)!, choice: choices[iso] ?? 'yes' }));
  await recordRollCallVote(ctx, { motionId: mStd.id, sittingId: s1.id, at: '2024-11-12T10:45:00Z', ballots: ballots({ DZ: 'no', TN: 'abstain' }) });
  const dStd = await recordDecision(ctx, {
    agendaItemId: standards.id,
    motionId: mStd.id,
    adoptedAt: '2024-11-12T10:45:00Z',
    text: loc(
      'يوافق المجلس على رفع المواصفات القياسية العربية الأربع والعشرين المعتمدة مرحلياً، الواردة في الوثيقة م.ت/66/4، إلى الجمعية العامة لاعتمادها نهائياً.\nويدعو الدول الأعضاء إلى تبنّي هذه المواصفات في تشريعاتها الوطنية.',
      'The Council agrees to raise the twenty-four Arab standards adopted provisionally, listed in document EC/66/4, to the General Assembly for final adoption.\nIt invites member states to adopt these standards in their national regulations.',
      'Le Conseil approuve la soumission à l’Assemblée générale, pour adoption définitive, des vingt-quatre normes arabes adoptées à titre provisoire figurant dans le document CE/66/4.\nIl invite les États membres à reprendre ces normes dans leurs réglementations nationales.',
    ),
  });
  ctx.at('2024-11-12T10:50:00Z');
  await createReservation(ctx, { decisionId: dStd.id, memberStateId: ids.get('DZ')!, text: 'يتحفظ وفد الجزائر على المواصفات الخاصة بالإسمنت إلى حين استكمال دراستها وطنياً.' });
  await createReferral(ctx, { decisionId: dStd.id, body: 'general_assembly', note: 'للاعتماد النهائي في دورتها القادمة.' });
  await createAction(ctx, { decisionId: dStd.id, description: 'إعداد ملف المواصفات لعرضه على الجمعية العامة', responsible: { kind: 'secretariat_unit', unit: 'إدارة التقييس' }, dueDate: '2025-03-31' });

  // The forum on small and medium industries: a rejected roll-call vote, then a consensus decision
  await note(forum.id, '2024-11-13T08:45:00Z', 'MA', 'رحّب الوفد بالمشاركين في الملتقى، واقترح أن يُعقد الملتقى سنوياً في المملكة المغربية.');
  await note(forum.id, '2024-11-13T09:00:00Z', 'EG', 'أيّد الوفد دورية الملتقى، واقترح أن يتناوب على استضافته عدد من الدول الأعضاء.');
  await note(forum.id, '2024-11-13T09:10:00Z', null, 'أكدت الأمانة العامة لجامعة الدول العربية أهمية ربط الملتقى بأعمال المجلس الاقتصادي والاجتماعي.', 'ar', 'observer', observer.id);
  ctx.at('2024-11-13T09:20:00Z');
  const mAnnual = await proposeMotion(ctx, {
    agendaItemId: forum.id,
    proposerDelegationId: dels.get('MA')!,
    text: loc('عقد الملتقى سنوياً في مدينة أكادير.', 'To hold the forum every year in Agadir.', 'Tenir le forum chaque année à Agadir.'),
  });
  await recordRollCallVote(ctx, {
    motionId: mAnnual.id,
    sittingId: s2.id,
    at: '2024-11-13T09:40:00Z',
    ballots: ballots({ MA: 'yes', MR: 'yes', TN: 'yes', JO: 'no', AE: 'no', BH: 'no', SA: 'no', EG: 'no', IQ: 'no', DZ: 'abstain', SD: 'abstain', OM: 'no' }),
  });
  const dForum = await consensus(forum.id, '2024-11-13T10:00:00Z', s2.id, loc(
    'يشكر المجلس المملكة المغربية على استضافة الملتقى العربي الدولي للصناعات الصغيرة والمتوسطة، ويقرر عقد الملتقى كل سنتين بالتناوب بين الدول الأعضاء الراغبة في استضافته.',
    'The Council thanks the Kingdom of Morocco for hosting the Arab international forum on small and medium industries and decides to hold the forum every two years, hosted in turn by the member states that offer.',
    '',
  ), 'EG');
  ctx.at('2024-11-13T10:05:00Z');
  await createAction(ctx, { decisionId: dForum.id, description: 'مخاطبة الدول الأعضاء لاستطلاع رغبتها في استضافة الملتقى القادم', responsible: { kind: 'secretariat_unit', unit: 'إدارة التنمية الصناعية' }, dueDate: '2025-02-28' });

  // Budget, next session
  await note(std('budget_and_contributions').id, '2024-11-13T10:20:00Z', 'SD', 'أوضح الوفد أن بلاده ستسدد مساهمتها المتأخرة فور تحسن الظروف.');
  await consensus(std('budget_and_contributions').id, '2024-11-13T10:40:00Z', s2.id, loc(
    'يوافق المجلس على مشروع ميزانية المنظمة لعام 2025، ويرفعه إلى الجمعية العامة.',
    'The Council approves the Organization’s draft budget for 2025 and submits it to the General Assembly.',
    'Le Conseil approuve le projet de budget de l’Organisation pour 2025 et le soumet à l’Assemblée générale.',
  ));
  await consensus(std('next_session').id, '2024-11-13T11:15:00Z', s2.id, loc(
    'يقرر المجلس عقد دورته العادية السابعة والستين في مدينة الرباط في أيار/مايو 2025.',
    'The Council decides to hold its 67th ordinary session in Rabat in May 2025.',
    'Le Conseil décide de tenir sa 67e session ordinaire à Rabat en mai 2025.',
  ));
  await updateAgendaItem(ctx, { id: std('any_other_business').id, status: 'discussed' });
  ctx.at('2024-11-13T11:45:00Z');
  await setSessionStatus(ctx, { id: session.id, status: 'closed' });
  void agenda;
  return { session };
}

export async function makeSampleDatabase(file: string): Promise<{ baghdad: string; agadir: string }> {
  const { ctx, close } = await makeContext(file);
  try {
    await seedMemberStates(ctx);
    const baghdad = await makeBaghdad65(ctx);
    const agadir = await makeAgadir66(ctx, baghdad);
    return { baghdad: baghdad.session.id, agadir: agadir.session.id };
  } finally {
    await close();
  }
}

async function main() {
  const outDir = path.resolve(process.argv[2] ?? 'resources/samples');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-sample-'));
  const file = path.join(dir, 'sample.sqlite');
  const { baghdad, agadir } = await makeSampleDatabase(file);
  const opened = await openDatabase({ path: file });
  fs.mkdirSync(outDir, { recursive: true });
  const when = new Date('2024-11-14T09:00:00Z');
  fs.writeFileSync(path.join(outDir, 'baghdad-65.json'), bundleToJson(await exportSessionBundle(opened.db, baghdad, when)));
  fs.writeFileSync(path.join(outDir, 'agadir-66.json'), bundleToJson(await exportSessionBundle(opened.db, agadir, when)));
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`wrote ${outDir}/baghdad-65.json and ${outDir}/agadir-66.json`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
