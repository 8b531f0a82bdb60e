// The minutes' account of each sitting, in time order (issue 9): its opening (date, time, chair, quorum
// and who was present), who headed a delegation when not its usual head, every arrival, departure and
// return after the opening with the quorum lost, restored or reached at that moment (told instead in the
// agenda item under deliberation at that instant, when there was one), and its closing. The
// last sitting's end is the session's closing (closing section). Also: the member states absent from the
// whole session, and the head of each delegation per sitting for the delegations table. Pure.
import type { DelegationRow, MemberStateRow, SessionRecordRows, SittingRow } from '../bundle/schema';
import { attendanceWording } from '../i18n/minutes-attendance';
import { quorumRequired } from '../rules/quorum';
import { quorumRuleSchema } from '../settings/schema';
import { presenceAt, sittingChronicle, type ChronicleEntry } from './attendance';
import { floorGiven } from './build-speakers';
import { heading, type BuildContext } from './build-model';
import type { Block, Inline } from './model';
import { HOLE, localText, nameText, para, pick, span, type PersonForms } from './text';

type Person = { fullName: string; title: string } & PersonForms;

export function sittingsInOrder(rows: SessionRecordRows): SittingRow[] {
  return [...rows.sittings].sort((a, b) => a.number - b.number);
}

export function memberDelegationsInOrder(rows: SessionRecordRows): DelegationRow[] {
  const order = new Map(rows.memberStates.map((m) => [m.id, m.protocolOrder]));
  return rows.delegations
    .filter((d) => d.kind === 'member')
    .sort((a, b) => (order.get(a.memberStateId ?? '') ?? 0) - (order.get(b.memberStateId ?? '') ?? 0));
}

export function requiredForQuorum(rows: SessionRecordRows): number {
  const rule = quorumRuleSchema.safeParse(rows.session.quorumRule);
  return rule.success ? quorumRequired(rule.data, rows.session.memberCount) : 0;
}

/** The delegation's usual head: its delegate with role 'head' (or its first person). */
export function usualHead(rows: SessionRecordRows, delegationId: string): Person | null {
  const ds = rows.delegates.filter((d) => d.delegationId === delegationId).sort((a, b) => a.position - b.position);
  return ds.find((d) => d.role === 'head') ?? ds[0] ?? null;
}

/** Who headed the delegation at that sitting: the one recorded for the sitting, else the usual head. */
export function headAt(rows: SessionRecordRows, delegationId: string, sittingId: string): Person | null {
  const special = (rows.sittingHeads ?? []).find((h) => h.delegationId === delegationId && h.sittingId === sittingId);
  return special ?? usualHead(rows, delegationId);
}

/** Sittings at which someone other than the usual head led the delegation, with that person. */
export function otherHeads(rows: SessionRecordRows, delegationId: string): ({ sitting: SittingRow } & Person)[] {
  const usual = usualHead(rows, delegationId);
  return sittingsInOrder(rows).flatMap((sitting) => {
    const h = (rows.sittingHeads ?? []).find((x) => x.delegationId === delegationId && x.sittingId === sitting.id);
    return h && h.fullName !== usual?.fullName ? [{ ...h, sitting }] : [];
  });
}

function person(c: BuildContext, p: Person): Inline {
  const name = nameText(localText(p.fullName, { en: p.fullNameEn, fr: p.fullNameFr }, c.lang), c.lang);
  const title = localText(p.title, { en: p.titleEn, fr: p.titleFr }, c.lang);
  return p.title.trim() ? [name, span(c.lang === 'ar' ? '، ' : ', ', c.lang), nameText(title, c.lang)] : [name];
}

/** Each sitting's own account: the section that opens the minutes. */
export function sittingsBlocks(c: BuildContext): Block[] {
  const { rows, w, lang } = c;
  const aw = attendanceWording(lang);
  const sittings = sittingsInOrder(rows);
  const out: Block[] = [heading(c, 1, aw.sittingsHeading, 'opening')];
  const members = memberDelegationsInOrder(rows);
  const memberIds = new Set(members.map((d) => d.id));
  const required = requiredForQuorum(rows);
  const chairDelegation = rows.delegations.find((d) => d.memberStateId && d.memberStateId === rows.session.chairStateId);
  const chair = rows.session.chairStateId ? c.stateOf(rows.session.chairStateId) : null;

  for (const [index, sitting] of sittings.entries()) {
    out.push(heading(c, 2, aw.sittingHeading(w.sittingName(sitting.number, (n) => c.num(n)), c.date(sitting.startsAt)), `sitting-${sitting.number}`));
    const chairHead = chairDelegation ? headAt(rows, chairDelegation.id, sitting.id) : null;
    const chairName = chairHead ? localText(chairHead.fullName, { en: chairHead.fullNameEn, fr: chairHead.fullNameFr }, lang) : null;
    const opening = { date: c.fullDate(sitting.startsAt), time: c.time(sitting.startsAt), chair, chairName };
    out.push(para([span(index === 0 ? w.opening(opening) : aw.sittingOpened({ ...opening, sitting: c.sittingName(sitting.id) }), lang)]));

    const { presentAtOpening, entries } = sittingChronicle(sitting, rows.attendanceEvents, memberIds, required);
    const present = members.filter((d) => presentAtOpening.includes(d.id));
    out.push(para([span(w.quorum({ present: c.num(present.length), members: c.num(rows.session.memberCount), required: c.num(required), met: present.length >= required }), lang)]));
    out.push(para([span(present.length ? aw.presentAtOpening(aw.list(present.map((d) => c.delegationOf(d)))) : aw.noneAtOpening, lang)]));
    for (const d of members) {
      const h = otherHeads(rows, d.id).find((x) => x.sitting.id === sitting.id);
      if (h) {
        const [before = '', after = ''] = aw.headAtSitting(c.delegationOf(d), HOLE).split(HOLE);
        out.push(para([span(before, lang), ...person(c, h), span(after, lang)].filter((x) => x.text)));
      }
    }
    // A quorum lost, restored or reached during an item's deliberations is told in that item instead.
    const moved = attendancePlacement(c).moved;
    out.push(...entryBlocks(c, entries.filter((e) => !moved.has(entryKey(sitting.id, e)))));
    if (index < sittings.length - 1 && sitting.endsAt) {
      out.push(para([span(aw.sittingClosed({ sitting: c.sittingName(sitting.id), time: c.time(sitting.endsAt) }), lang)]));
    }
  }
  return out;
}

/** Arrivals, departures and returns, each followed by what it did to the quorum (bold). */
function entryBlocks(c: BuildContext, entries: readonly ChronicleEntry[]): Block[] {
  const { rows, lang } = c;
  const aw = attendanceWording(lang);
  const required = requiredForQuorum(rows);
  const facts = (time: string, present: number) => ({ time, present: c.num(present), members: c.num(rows.session.memberCount), required: c.num(required) });
  const out: Block[] = [];
  for (const e of entries) {
    const d = rows.delegations.find((x) => x.id === e.delegationId);
    const time = c.time(e.at);
    const said = e.kind === 'arrived' ? aw.arrived : e.kind === 'left' ? aw.left : aw.returned;
    out.push(para([span(said(c.delegationOf(d), time), lang)]));
    if (e.quorum === 'lost') out.push(para([span(aw.quorumLost(facts(time, e.present)), lang, { bold: true })]));
    if (e.quorum === 'restored') out.push(para([span(aw.quorumRestored(facts(time, e.present)), lang, { bold: true })]));
    if (e.quorum === 'reached') out.push(para([span(aw.quorumReached(facts(time, e.present)), lang, { bold: true })]));
  }
  return out;
}

/** What the minutes tell under an agenda item, at its instant, about the room. */
export interface ItemAttendance {
  at: string;
  blocks: Block[];
}

interface Placement {
  byItem: Map<string, ItemAttendance[]>;
  /** Chronicle entries told in an item, not in their sitting's account (entryKey). */
  moved: Set<string>;
}

const entryKey = (sittingId: string, e: ChronicleEntry) => `${sittingId}|${e.at}|${e.delegationId}|${e.kind}`;
const placements = new WeakMap<BuildContext, Placement>();

/** The instants of an item's deliberations on record: notes, motions proposed and decided, votes, decisions, the floor given. */
export function itemInstants(rows: SessionRecordRows, itemId: string): string[] {
  const motions = rows.motions.filter((m) => m.agendaItemId === itemId);
  const ids = new Set(motions.map((m) => m.id));
  return [
    ...rows.notes.filter((n) => n.agendaItemId === itemId).map((n) => n.at),
    ...motions.flatMap((m) => [m.createdAt, m.decidedAt]),
    ...rows.votes.filter((v) => ids.has(v.motionId)).map((v) => v.heldAt),
    ...rows.decisions.filter((d) => d.agendaItemId === itemId).map((d) => d.adoptedAt),
    ...floorGiven(rows.speakers, itemId).map((x) => x.startedAt),
  ].filter((x): x is string => !!x);
}

/**
 * Where each change of the quorum is told (issue 9): in the agenda item whose deliberations in that
 * sitting span its instant (the latest to begin, if two overlap), with the arrivals and departures of the
 * same instant that made it; otherwise in its sitting's account, in time order. Instants are compared
 * as times, not as strings (stored with and without milliseconds).
 */
export function attendancePlacement(c: BuildContext): Placement {
  const cached = placements.get(c);
  if (cached) return cached;
  const { rows } = c;
  const out: Placement = { byItem: new Map(), moved: new Set() };
  const memberIds = new Set(memberDelegationsInOrder(rows).map((d) => d.id));
  const required = requiredForQuorum(rows);
  const items = rows.agendaItems.map((i) => ({ id: i.id, times: itemInstants(rows, i.id).map(Date.parse) }));
  for (const sitting of sittingsInOrder(rows)) {
    const from = Date.parse(sitting.startsAt);
    const to = sitting.endsAt ? Date.parse(sitting.endsAt) : Infinity;
    const { entries } = sittingChronicle(sitting, rows.attendanceEvents, memberIds, required);
    for (const e of entries) {
      if (!e.quorum) continue;
      const t = Date.parse(e.at);
      let best: { id: string; start: number } | null = null;
      for (const item of items) {
        const within = item.times.filter((x) => x >= from && x <= to);
        if (!within.length) continue;
        const start = Math.min(...within);
        if (start <= t && t <= Math.max(...within) && (!best || start > best.start)) best = { id: item.id, start };
      }
      if (!best) continue;
      const same = entries.filter((x) => x.at === e.at);
      for (const x of same) out.moved.add(entryKey(sitting.id, x));
      out.byItem.set(best.id, [...(out.byItem.get(best.id) ?? []), { at: e.at, blocks: entryBlocks(c, same) }]);
    }
  }
  placements.set(c, out);
  return out;
}

/** The member states with no delegation in the room at any sitting, in protocol order. */
export function absentStates(rows: SessionRecordRows, states: readonly MemberStateRow[]): MemberStateRow[] {
  const memberOfSession = (s: MemberStateRow) => s.active === 1 || rows.delegations.some((d) => d.memberStateId === s.id);
  // No attendance recorded at all: only registration is known, so only states without a delegation are
  // named absent (the participants list names the others; saying both would contradict the minutes).
  if (rows.attendanceEvents.length === 0) {
    const registered = new Set(rows.delegations.filter((d) => d.kind === 'member').map((d) => d.memberStateId));
    return [...states].filter((s) => memberOfSession(s) && !registered.has(s.id)).sort((a, b) => a.protocolOrder - b.protocolOrder);
  }
  const attended = new Set<string>();
  for (const sitting of rows.sittings) {
    for (const [delegationId, p] of presenceAt(sitting, rows.attendanceEvents)) if (p.intervals.length) attended.add(delegationId);
  }
  const attendingStates = new Set(rows.delegations.filter((d) => attended.has(d.id)).map((d) => d.memberStateId));
  return [...states].filter((s) => memberOfSession(s) && !attendingStates.has(s.id)).sort((a, b) => a.protocolOrder - b.protocolOrder);
}

/** "The following member states were not represented: ..." (nothing when the list of states is unknown). */
export function absentStatesBlocks(c: BuildContext): Block[] {
  const states = c.record.memberStates;
  if (!states) return [];
  const aw = attendanceWording(c.lang);
  const absent = absentStates(c.rows, states);
  if (!absent.length) return [para([span(aw.allRepresented, c.lang)])];
  const names = absent.map((s) => pick({ ar: s.nameAr, en: s.nameEn, fr: s.nameFr }, c.lang, c.original).text);
  return [para([span(aw.absentStates(aw.list(names)), c.lang)])];
}

/** The delegations table's head cell: the usual head, then each other sitting's head with its sitting. */
export function headCell(c: BuildContext, delegationId: string): Inline | null {
  const usual = usualHead(c.rows, delegationId);
  if (!usual) return null;
  const aw = attendanceWording(c.lang);
  const out: Inline = person(c, usual);
  for (const h of otherHeads(c.rows, delegationId)) {
    out.push(span(c.lang === 'ar' ? '؛ ' : '; ', c.lang), ...person(c, h), span(` (${aw.headFor(c.sittingName(h.sitting.id))})`, c.lang));
  }
  return out;
}
