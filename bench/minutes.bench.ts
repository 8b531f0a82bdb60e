// Minutes of a large session (3 sittings, 21 delegations, 60 items, 120 roll-call votes, 150 decisions),
// generated directly in memory, at 1x, 2x and 4x that size: the time and peak memory of building the
// model and writing the .docx, against the floor of zipping the same XML parts with jszip in the same run.
import JSZip from 'jszip';
import type { SessionRecordRows } from '../src/bundle/schema';
import { buildMinutesModel } from '../src/minutes/build-model';
import type { MinutesRecord } from '../src/minutes/record';
import { renderDocx } from '../src/minutes/render-docx';
import { defaultOrganisationSettings } from '../src/settings/schema';

const ISO = ['JO', 'AE', 'BH', 'TN', 'DZ', 'DJ', 'SA', 'SD', 'SY', 'SO', 'IQ', 'OM', 'PS', 'QA', 'KW', 'LB', 'LY', 'EG', 'MA', 'MR', 'YE'];
const T = '2026-05-10T08:00:00.000Z';
const at = (min: number) => new Date(Date.parse(T) + min * 60_000).toISOString();
const para = (n: number) => 'يوافق المجلس على ما ورد في التقرير، ويدعو الدول الأعضاء إلى اتخاذ ما يلزم لتنفيذه، ويكلف الأمانة العامة بالمتابعة. '.repeat(n);

export function largeRecord(scale: number): MinutesRecord {
  const sid = 's';
  const states = ISO.map((iso, i) => ({ id: `m${i}`, isoCode: iso, nameAr: `دولة ${iso}`, nameEn: `State ${iso}`, nameFr: `État ${iso}`, protocolOrder: i + 1, active: 1 as const, createdAt: T }));
  const sittings = [1, 2, 3].map((n) => ({ id: `st${n}`, sessionId: sid, number: n, startsAt: at((n - 1) * 1440), endsAt: at((n - 1) * 1440 + 480), createdAt: T }));
  const delegations = states.map((m, i) => ({ id: `d${i}`, sessionId: sid, kind: 'member' as const, memberStateId: m.id, nameAr: '', nameEn: '', nameFr: '', credentialsReceivedOn: '2026-05-08', createdAt: T }));
  const delegates = delegations.map((d, i) => ({ id: `p${i}`, sessionId: sid, delegationId: d.id, fullName: `رئيس الوفد ${i}`, title: 'وزير الصناعة', fullNameEn: '', fullNameFr: '', titleEn: '', titleFr: '', role: 'head' as const, position: 1 }));
  const attendanceEvents = sittings.flatMap((s) => delegations.map((d) => ({ id: `a${s.id}${d.id}`, sessionId: sid, sittingId: s.id, delegationId: d.id, kind: 'arrival' as const, at: s.startsAt, recordedAt: s.startsAt })));
  const nItems = 60 * scale;
  const agendaItems = Array.from({ length: nItems }, (_, i) => ({
    id: `i${i}`, sessionId: sid, parentId: null, position: i + 1, standingKey: null, titleAr: `البند الموضوعي رقم ${i + 1} بشأن التنمية الصناعية`, titleEn: `Substantive item ${i + 1}`, titleFr: '', presenter: 'الأمانة العامة', documentRefsJson: `["م.ت/70/${i + 1}"]`, status: 'discussed' as const, createdAt: T,
  }));
  const notes = agendaItems.flatMap((it, i) => [0, 1, 2].map((k) => ({ id: `n${i}-${k}`, sessionId: sid, agendaItemId: it.id, at: at(i * 3 + k), speakerKind: 'delegation' as const, speakerDelegationId: `d${(i + k) % 21}`, speakerName: '', text: para(2), textEn: '', textFr: '', language: 'ar' as const })));
  const nVotes = 120 * scale;
  const nDecisions = 150 * scale;
  const motions = Array.from({ length: nDecisions }, (_, i) => ({
    id: `mo${i}`, sessionId: sid, agendaItemId: `i${i % nItems}`, parentMotionId: null, textAr: para(1), textEn: 'The Council approves.', textFr: '', proposerDelegationId: `d${i % 21}`, status: 'adopted' as const, majorityRule: null, decidedBy: (i < nVotes ? 'vote' : 'consensus') as 'vote' | 'consensus', decidedAt: at(i), createdAt: at(i),
  }));
  const votes = motions.slice(0, nVotes).map((m, i) => ({
    id: `v${i}`, sessionId: sid, motionId: m.id, sittingId: `st${(i % 3) + 1}`, heldAt: at(i), rule: 'simple_majority_of_votes_cast', yes: 15, no: 4, abstain: 2, notParticipating: 0, presentCount: 21, memberCount: 21, quorumRequired: 14, quorumMet: 1 as const, inquorate: 0 as const, castingVote: null, outcome: 'adopted' as const,
  }));
  const voteBallots = votes.flatMap((v) => states.map((m, k) => ({ voteId: v.id, sessionId: sid, memberStateId: m.id, delegationId: `d${k}`, choice: (k < 15 ? 'yes' : k < 19 ? 'no' : 'abstain') as 'yes' | 'no' | 'abstain', rollOrder: k + 1 })));
  const decisions = motions.map((m, i) => ({
    id: `de${i}`, sessionId: sid, agendaItemId: m.agendaItemId, motionId: m.id, serial: i + 1, numberAr: `ق.م.ت/70/${i + 1}`, numberEn: `EC/70/${i + 1}`, numberFr: `CE/70/${i + 1}`, textAr: para(3), textEn: 'The Council approves the report.', textFr: '', adoptedAt: at(i), adoptedBy: m.decidedBy, sittingId: 'st1', createdAt: at(i),
  }));
  const rows: SessionRecordRows = {
    session: { id: sid, kind: 'ordinary', number: 70, venueCityAr: 'الرباط', venueCityEn: 'Rabat', venueCityFr: 'Rabat', venueCountryAr: 'المملكة المغربية', venueCountryEn: 'Morocco', venueCountryFr: 'Maroc', startDate: '2026-05-10', endDate: '2026-05-12', languagesJson: '["ar","en","fr"]', chairStateId: 'm18', rapporteurStateId: null, status: 'closed', memberCount: 21, quorumRule: 'two_thirds_of_members', defaultMajorityRule: 'simple_majority_of_votes_cast', chairCastingVote: 0, allowInquorateVotes: 0, lastDecisionSerial: nDecisions, lockedAt: null, timeZone: '', createdAt: T, updatedAt: T },
    memberStates: states, sittings, delegations, delegates, attendanceEvents, agendaItems,
    agendaAdoption: { sessionId: sid, sittingId: 'st1', adoptedAt: at(10), asAmended: 0, note: '', noteEn: '', noteFr: '' },
    notes, motions, votes, voteBallots, decisions,
    reservations: decisions.slice(0, 10 * scale).map((d, i) => ({ id: `r${i}`, sessionId: sid, decisionId: d.id, memberStateId: `m${i % 21}`, text: 'يتحفظ الوفد على هذا القرار.', textEn: '', textFr: '', recordedAt: d.adoptedAt })),
    referrals: decisions.slice(0, 5 * scale).map((d, i) => ({ id: `rf${i}`, sessionId: sid, decisionId: d.id, body: 'general_assembly' as const, bodyName: '', note: '', noteEn: '', noteFr: '', createdAt: d.adoptedAt })),
    actionItems: [], actionUpdates: [], followUpUpdates: [],
  };
  return { settings: defaultOrganisationSettings, rows, followUp: [] };
}

async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; peakRssMb: number; peakHeapMb: number; value: T }> {
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  const m = process.memoryUsage();
  return { ms, peakRssMb: Math.max(peakRss, m.rss) / 2 ** 20, peakHeapMb: Math.max(peakHeap, m.heapUsed) / 2 ** 20, value };
}

/** The floor: the same XML parts (taken from the .docx) zipped again with jszip, DEFLATE, as docx does. */
async function zipFloor(docx: Buffer): Promise<{ ms: number; bytes: number }> {
  const parts = await JSZip.loadAsync(docx);
  const files: [string, Uint8Array][] = [];
  for (const [name, f] of Object.entries(parts.files)) if (!f.dir) files.push([name, await f.async('uint8array')]);
  const t0 = performance.now();
  const zip = new JSZip();
  for (const [name, data] of files) zip.file(name, data);
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { ms: performance.now() - t0, bytes: out.length };
}

export async function run(): Promise<void> {
  // Warm up once so module loading and JIT are not counted in the 1x figures.
  await renderDocx(buildMinutesModel(largeRecord(1), { lang: 'ar' }));
  console.log('scale  items votes decisions | model ms | docx ms | docx MB | peak RSS MB | peak heap MB | zip floor ms | docx/floor');
  for (const scale of [1, 2, 4]) {
    const record = largeRecord(scale);
    const model = await measure(async () => buildMinutesModel(record, { lang: 'ar' }));
    const docx = await measure(() => renderDocx(model.value));
    const floor = await zipFloor(docx.value);
    console.log(
      [
        `${scale}x`.padEnd(6),
        String(60 * scale).padStart(5),
        String(120 * scale).padStart(5),
        String(150 * scale).padStart(9),
        '|',
        model.ms.toFixed(0).padStart(8),
        '|',
        docx.ms.toFixed(0).padStart(7),
        '|',
        (docx.value.length / 2 ** 20).toFixed(2).padStart(7),
        '|',
        docx.peakRssMb.toFixed(0).padStart(11),
        '|',
        docx.peakHeapMb.toFixed(0).padStart(12),
        '|',
        floor.ms.toFixed(0).padStart(12),
        '|',
        `${(docx.ms / floor.ms).toFixed(1)}x`.padStart(10),
      ].join(' '),
    );
  }
}
