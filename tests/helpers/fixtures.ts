// A sample council record for tests, built through the services: the 66th ordinary session (Agadir,
// Morocco), member delegations with named heads, the Arab League's General Secretariat as an observer,
// the secretariat, and one or more sittings. Dates match temp-db's default clock (2026-11-10T08:00Z).
import type { CoreContext } from '../../src/core/context';
import { recordArrival } from '../../src/attendance/service';
import {
  createMemberDelegation,
  createObserverDelegation,
  createSecretariatDelegation,
} from '../../src/delegations/service';
import { seedMemberStates } from '../../src/member-states/seed';
import { listMemberStates } from '../../src/member-states/service';
import { createSession } from '../../src/sessions/service';
import { createSitting } from '../../src/sittings/service';

export interface SampleSession {
  sessionId: string;
  sittingIds: string[];
  /** Member delegations, in protocol order. */
  delegationIds: string[];
  /** Their member states, same order. */
  memberStateIds: string[];
  observerDelegationId: string;
  secretariatDelegationId: string;
}

export interface SampleOptions {
  /** Member delegations, 1..21 (default 12); the host, Morocco, is always among them. */
  members?: number;
  /** Observer delegations (default 1: the Arab League's General Secretariat). */
  observers?: number;
  /** Sittings (default 1, at most 40), none ended: sitting k starts at sampleSittingStart(k). */
  sittings?: number;
  /** Session number (default 66). */
  number?: number;
}

/** Sittings start 08:00Z and 13:00Z on 10 and 11 November 2026 (then one a day later). */
export function sampleSittingStart(k: number): string {
  const day = 10 + Math.floor((k - 1) / 2);
  const hour = (k - 1) % 2 === 0 ? '08' : '13';
  return `2026-11-${String(day).padStart(2, '0')}T${hour}:00:00.000Z`;
}

// Which states attend, by preference (the host first); the chosen ones are then put in protocol order.
const attendancePreference = ['MA', 'JO', 'AE', 'TN', 'DZ', 'SA', 'SD', 'IQ', 'OM', 'QA', 'KW', 'EG', 'LB', 'LY', 'MR', 'YE', 'PS', 'BH', 'SY', 'SO', 'DJ'];

const headNames = [
  'محمد بن عبد الله العلوي',
  'خالد إبراهيم الحسيني',
  'أحمد سالم المنصوري',
  'سامي بن علي الطرابلسي',
  'عبد القادر بن يوسف',
  'فهد بن ناصر القحطاني',
  'عمر حسن الأمين',
  'علي جواد الربيعي',
  'سالم بن سعيد البلوشي',
  'حمد بن جاسم الكواري',
  'ناصر عبد الرحمن العتيبي',
  'مصطفى كمال عبد العزيز',
  'جورج نقولا حداد',
  'عبد السلام المبروك',
  'محمد الأمين ولد أحمد',
  'عبده علي الشامي',
  'رامي يوسف عودة',
  'يوسف عيسى الجودر',
  'هشام محمود الحلبي',
  'عبدي فارح محمد',
  'حسن داود أحمد',
];

export async function createSampleSession(ctx: CoreContext, opts: SampleOptions = {}): Promise<SampleSession> {
  const memberCount = opts.members ?? 12;
  const observerCount = opts.observers ?? 1;
  const sittingCount = opts.sittings ?? 1;
  if (memberCount < 1 || memberCount > 21) throw new RangeError('members: 1..21');
  if (sittingCount < 0 || sittingCount > 40) throw new RangeError('sittings: 0..40');
  await seedMemberStates(ctx);
  const states = await listMemberStates(ctx);
  const byIso = new Map(states.map((s) => [s.isoCode, s]));
  const chosen = attendancePreference
    .slice(0, memberCount)
    .map((iso) => byIso.get(iso))
    .filter((s): s is NonNullable<typeof s> => s !== undefined)
    .sort((a, b) => a.protocolOrder - b.protocolOrder);

  const session = await createSession(ctx, {
    kind: 'ordinary',
    number: opts.number ?? 66,
    venue: {
      city: { ar: 'أكادير', en: 'Agadir', fr: 'Agadir' },
      country: { ar: 'المملكة المغربية', en: 'Kingdom of Morocco', fr: 'Royaume du Maroc' },
    },
    startDate: '2026-11-10',
    // Two sittings a day: the session lasts as many days as its sittings need (at least two).
    endDate: `2026-11-${String(10 + Math.max(1, Math.ceil(sittingCount / 2) - 1)).padStart(2, '0')}`,
    chairStateId: byIso.get('MA')?.id ?? null,
    rapporteurStateId: byIso.get('JO')?.id ?? null,
  });

  const sittingIds: string[] = [];
  for (let k = 1; k <= sittingCount; k++) {
    sittingIds.push((await createSitting(ctx, { sessionId: session.id, startsAt: sampleSittingStart(k) })).id);
  }

  const delegationIds: string[] = [];
  for (const state of chosen) {
    const head = headNames[attendancePreference.indexOf(state.isoCode)] ?? `رئيس وفد ${state.nameAr}`;
    const d = await createMemberDelegation(ctx, {
      sessionId: session.id,
      memberStateId: state.id,
      credentialsReceivedOn: '2026-11-09',
      delegates: [
        { fullName: head, title: 'رئيس الوفد', role: 'head' },
        { fullName: `مندوب ${state.nameAr}`, title: 'عضو الوفد', role: 'member' },
      ],
    });
    delegationIds.push(d.id);
  }

  let observerDelegationId = '';
  for (let i = 0; i < observerCount; i++) {
    const name =
      i === 0
        ? {
            ar: 'الأمانة العامة لجامعة الدول العربية',
            en: 'General Secretariat of the League of Arab States',
            fr: 'Secrétariat général de la Ligue des États arabes',
          }
        : { ar: `منظمة مراقبة ${i + 1}`, en: `Observer organisation ${i + 1}`, fr: `Organisation observatrice ${i + 1}` };
    const o = await createObserverDelegation(ctx, {
      sessionId: session.id,
      name,
      representatives: [{ fullName: i === 0 ? 'وليد عبد المنعم' : `ممثل ${i + 1}`, title: 'ممثل' }],
    });
    if (i === 0) observerDelegationId = o.id;
  }

  const secretariat = await createSecretariatDelegation(ctx, {
    sessionId: session.id,
    staff: [
      { fullName: 'عادل صقر الصقر', title: 'المدير العام' },
      { fullName: 'نادية بنعلي', title: 'مسؤولة الشؤون القانونية' },
    ],
  });

  return {
    sessionId: session.id,
    sittingIds,
    delegationIds,
    memberStateIds: chosen.map((s) => s.id),
    observerDelegationId,
    secretariatDelegationId: secretariat.id,
  };
}

/** Record an arrival for each delegation at `at` (ISO); returns the event ids. */
export async function arriveAll(ctx: CoreContext, sittingId: string, delegationIds: string[], at: string): Promise<string[]> {
  const ids: string[] = [];
  for (const delegationId of delegationIds) ids.push((await recordArrival(ctx, { sittingId, delegationId, at })).id);
  return ids;
}

/**
 * Every row of every user table (audit trail included), for before/after comparisons: a refused call
 * must leave this identical.
 */
export function tableSnapshot(sqlite: { prepare(sql: string): { all(): unknown[] } }): Record<string, unknown[]> {
  const tables = sqlite
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`)
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    try {
      out[name] = sqlite.prepare(`select * from "${name}" order by rowid`).all();
    } catch {
      // WITHOUT ROWID tables (FTS5 shadow tables): order by every column instead.
      out[name] = sqlite.prepare(`select * from "${name}" order by 1, 2`).all();
    }
  }
  return out;
}
