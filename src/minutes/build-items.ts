// The minutes' deliberations, item by item: presentation, interventions, motions and amendments with their
// votes and roll-call tables, decisions in full with reservations, referrals and follow-up actions, and
// the quorum lost or restored meanwhile at the point it happened. Pure.
import type { AgendaItemRow, DecisionRow, MotionRow } from '../bundle/schema';
import { heading, type BuildContext } from './build-model';
import type { Block, Inline } from './model';
import { attendancePlacement, type ItemAttendance } from './build-sittings';
import { around, HOLE, localText, para, pick, span, translated } from './text';
import { adoptedAsAmended, byHeldAt, motionKind, voteSentence } from './votes';
import { floorBlocks } from './build-speakers';
import { rowsOf } from './record-index';

export function itemBlocks(c: BuildContext, item: AgendaItemRow): Block[] {
  const { rows, w, lang } = c;
  const n = c.itemNumbers.get(item.id) ?? '';
  const title = pick({ ar: item.titleAr, en: item.titleEn, fr: item.titleFr }, lang, c.original);
  const out: Block[] = [heading(c, item.parentId ? 3 : 2, '', `item-${n}`, around(w.item(n, HOLE), title, lang))];
  let docs: string | null = null;
  try {
    const list = JSON.parse(item.documentRefsJson) as unknown;
    if (Array.isArray(list) && list.length) docs = list.map(String).join(lang === 'ar' ? '، ' : ', ');
  } catch {
    docs = null;
  }
  if (item.presenter.trim()) out.push(para([span(w.presentedBy(localText(item.presenter, { en: item.presenterEn, fr: item.presenterFr }, lang), docs), lang)]));
  const notes = rowsOf(c.index.notesByItem, item.id).sort((a, b) => a.at.localeCompare(b.at));
  const motions = rowsOf(c.index.motionsByItem, item.id);
  const decisions = rowsOf(c.index.decisionsByItem, item.id).sort((a, b) => a.serial - b.serial);
  const floor = floorBlocks(c, item.id);
  if (item.standingKey === 'adoption_of_agenda' && rows.agendaAdoption) {
    const x = rows.agendaAdoption;
    out.push(para([span(w.agendaAdopted({ sitting: c.sittingName(x.sittingId), date: c.date(x.adoptedAt), asAmended: x.asAmended === 1 }), lang)]));
  } else if (item.status === 'deferred' || item.status === 'withdrawn') out.push(para([span(w.itemStatus[item.status], lang)], 'note'));
  else if (!notes.length && !floor.length && !motions.length && !decisions.length && !c.index.itemsByParent.has(item.id)) {
    // Nothing on record under the item: say so, rather than leave a bare heading (e.g. any other business).
    if (item.status === 'pending' && item.parentId === null) out.push(para([span(w.itemStatus.pending, lang)], 'note'));
    else if (item.status === 'discussed' && !item.presenter.trim()) out.push(para([span(w.itemStatus.nothingRecorded, lang)], 'note'));
  }
  out.push(...floor);
  // The deliberations as timed pieces, told in time order, so that the quorum lost or restored meanwhile
  // is told where it happened. A piece with no instant stays with the one before it.
  const pieces: Piece[] = [];
  if (notes.length) {
    pieces.push({ at: notes[0]!.at, block: para([span(w.interventions, lang, { bold: true })]) });
    for (const [i, note] of notes.entries()) {
      const d = note.speakerDelegationId ? c.index.delegationById.get(note.speakerDelegationId) : undefined;
      const who =
        note.speakerKind === 'delegation'
          ? w.speakerLabel(note.speakerKind, d ? c.delegationOf(d) : c.nameOf(note.speakerName))
          : w.speakerLabel(note.speakerKind, d ? c.delegationName(d) : note.speakerName);
      const own = note.language === lang || lang === 'ar' ? '' : localText('', { en: note.textEn, fr: note.textFr }, lang);
      const text = own ? span(own, lang) : { text: note.text, lang: note.language, ...(note.language !== lang ? { untranslated: true } : {}) };
      pieces.push({ at: i === 0 ? null : note.at, note: [span(`${who}${lang === 'fr' ? ' : ' : ': '}`, lang, { bold: true }), text] });
    }
  }
  // Each motion: its text, its amendments with their results, then its own result (as amended), then the
  // decision that came of it (its text is the text as adopted). Decisions of no motion follow.
  const printed = new Set<string>();
  const top = motions.filter((m) => !m.parentMotionId || !motions.some((p) => p.id === m.parentMotionId)).sort(byCreated);
  for (const m of top) pieces.push(...motionPieces(c, m, motions, decisions, printed));
  for (const d of decisions) if (!printed.has(d.id)) pieces.push(...timed(d.adoptedAt, decisionBlocks(c, d)));
  out.push(...interleave(pieces, attendancePlacement(c).byItem.get(item.id) ?? []));
  return out;
}

/** A piece of an item's deliberations: a block, or one intervention (consecutive ones make one list). */
type Piece = { at: string | null } & ({ block: Block; note?: undefined } | { note: Inline; block?: undefined });

/** The first block at the instant, the others following it. */
const timed = (at: string | null, blocks: Block[]): Piece[] => blocks.map((block, i) => ({ at: i === 0 ? at : null, block }));

/**
 * The pieces in time order (a piece with no instant keeps to the one before it; equal instants keep their
 * order: amendments before their motion's result, a decision after it), then each attendance sentence
 * after the last piece that came before it.
 */
function interleave(unordered: Piece[], attendance: ItemAttendance[]): Block[] {
  const units: Piece[][] = [];
  for (const p of unordered) {
    if (p.at !== null || !units.length) units.push([p]);
    else units.at(-1)!.push(p);
  }
  const when = (u: Piece[]) => (u[0]!.at === null ? -Infinity : Date.parse(u[0]!.at));
  const pieces = units.map((u, i) => ({ u, i })).sort((a, b) => when(a.u) - when(b.u) || a.i - b.i).flatMap((x) => x.u);
  const slots = pieces.map(() => [] as Block[]);
  const before: Block[] = [];
  for (const a of attendance) {
    const t = Date.parse(a.at);
    let last = -1;
    pieces.forEach((p, i) => {
      if (p.at !== null && Date.parse(p.at) <= t) last = i;
    });
    if (last < 0) {
      before.push(...a.blocks);
      continue;
    }
    while (last + 1 < pieces.length && pieces[last + 1]!.at === null) last++;
    slots[last]!.push(...a.blocks);
  }
  const out: Block[] = [...before];
  let list: Inline[] = [];
  const flush = () => {
    if (list.length) out.push({ kind: 'list', items: list });
    list = [];
  };
  pieces.forEach((p, i) => {
    if (p.note) list.push(p.note);
    else {
      flush();
      out.push(p.block);
    }
    if (slots[i]!.length) {
      flush();
      out.push(...slots[i]!);
    }
  });
  flush();
  return out;
}

const byCreated = (a: MotionRow, b: MotionRow) => a.createdAt.localeCompare(b.createdAt);

function motionPieces(c: BuildContext, m: MotionRow, motions: MotionRow[], decisions: DecisionRow[], printed: Set<string>): Piece[] {
  const { w, lang } = c;
  const kind = motionKind(m);
  const proposer = m.proposerDelegationId ? c.index.delegationById.get(m.proposerDelegationId) : undefined;
  const label = `${w.motionLabel(kind, proposer ? w.delegationOf(c.delegationOf(proposer)) : null)}${lang === 'fr' ? ' : ' : ': '}`;
  const out: Piece[] = [{ at: m.createdAt, block: para([span(label, lang, { bold: true }), pick({ ar: m.textAr, en: m.textEn, fr: m.textFr }, lang, c.original)], kind === 'amendment' ? 'quote' : undefined) }];
  // Amendments are decided before their motion: they are written before its result.
  for (const a of motions.filter((x) => x.parentMotionId === m.id).sort(byCreated)) out.push(...motionPieces(c, a, motions, decisions, printed));
  const asAmended = adoptedAsAmended(c, m);
  const vote = rowsOf(c.index.votesByMotion, m.id).sort(byHeldAt).at(-1);
  if (vote) {
    const ballots = rowsOf(c.index.ballotsByVote, vote.id).sort((a, b) => a.rollOrder - b.rollOrder);
    out.push(
      ...timed(vote.heldAt, [
        para([span(voteSentence(c, vote), lang)]),
        {
          kind: 'table',
          caption: [span(w.rollCall.caption(c.voteNumbers.get(vote.id) ?? ''), lang, { bold: true })],
          widths: [3, 2],
          header: [w.rollCall.state, w.rollCall.vote].map((t) => ({ content: [span(t, lang, { bold: true })] })),
          rows: ballots.map((b) => [{ content: [span(c.stateName(b.memberStateId), lang)] }, { content: [span(w.rollCall.choice[b.choice], lang)], center: true }]),
        },
      ]),
    );
  } else if (m.status === 'adopted' && m.decidedBy !== 'vote') out.push({ at: m.decidedAt, block: para([span(w.consensusOf(kind, asAmended), lang)]) });
  else if (m.status === 'adopted' || m.status === 'rejected') out.push({ at: m.decidedAt, block: para([span(w.outcomeOf(kind, m.status, asAmended), lang)]) });
  else if (m.status === 'referred' && m.referralBody !== '') out.push({ at: m.decidedAt, block: para(referredTo(c, m)) });
  else out.push({ at: m.decidedAt, block: para([span(w.motionStatusOf(kind, m.status), lang)]) });
  out.push(...timed(null, asAmendedBlocks(c, m, asAmended)));
  for (const d of decisions.filter((x) => x.motionId === m.id)) {
    printed.add(d.id);
    out.push(...timed(d.adoptedAt, decisionBlocks(c, d)));
  }
  return out;
}

/**
 * "The proposal was referred to <body>." (migration 0019): the body's name in this language when typed or
 * translated, else the council's words for the body; a name not yet translated is marked, inside the sentence.
 */
function referredTo(c: BuildContext, m: MotionRow): Inline {
  const { w, lang } = c;
  const kind = motionKind(m);
  const name = m.referralBodyName.trim();
  if (!name) return [span(w.motionReferredTo(kind, w.referralBody[m.referralBody as 'general_assembly' | 'ministerial_council' | 'other']), lang)];
  const body = translated(name, { en: m.referralBodyNameEn, fr: m.referralBodyNameFr }, lang);
  return body.untranslated ? around(w.motionReferredTo(kind, HOLE), body, lang) : [span(w.motionReferredTo(kind, body.text.trim()), lang)];
}

/** "The text of the proposal as amended:" then that text, a paragraph per line, once adopted as amended. */
function asAmendedBlocks(c: BuildContext, m: MotionRow, asAmended: boolean): Block[] {
  if (m.status !== 'adopted' || !asAmended) return [];
  const text = pick({ ar: m.consolidatedAr, en: m.consolidatedEn, fr: m.consolidatedFr }, c.lang, c.original);
  const lines = text.text.split(/\n+/).filter((l) => l.trim());
  if (!lines.length) return [];
  return [para([span(c.w.textAsAmended(motionKind(m)), c.lang, { bold: true })]), ...lines.map((line) => para([{ ...text, text: line.trim() }], 'quote'))];
}

export function decisionBlocks(c: BuildContext, d: DecisionRow): Block[] {
  const { w, lang } = c;
  const number = c.decisionNumber({ ar: d.numberAr, en: d.numberEn, fr: d.numberFr });
  const out: Block[] = [
    para([span(w.decision(number.text), lang, { bold: true }), span(` (${w.adoptedBy[d.adoptedBy]})`, lang)], 'decision'),
  ];
  const text = pick({ ar: d.textAr, en: d.textEn, fr: d.textFr }, lang, c.original);
  for (const line of text.text.split(/\n+/).filter((l) => l.trim())) out.push(para([{ ...text, text: line.trim() }], 'decision'));
  for (const r of rowsOf(c.index.reservationsByDecision, d.id).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))) {
    const body = translated(r.text, { en: r.textEn, fr: r.textFr }, lang);
    // A reservation typed as a whole sentence naming its delegation is printed as it is, not inside ours.
    // A text that names its delegation is printed as it is; one that is itself a sentence of reservation
    // ("يتحفظ الوفد على...") is quoted, so the verb is not said twice; any other is the object of ours.
    const frame = opensWithReservation(r.text) ? w.reservationQuoted : w.reservationBy;
    const content = !body.untranslated && statesItself(c, r.memberStateId, body.text) ? [body] : around(frame(c.stateOf(r.memberStateId), HOLE), body, lang);
    out.push(para(content.map((x) => ({ ...x, italic: true })), 'note'));
  }
  for (const r of rowsOf(c.index.referralsByDecision, d.id)) {
    const body = localText(r.bodyName.trim(), { en: r.bodyNameEn, fr: r.bodyNameFr }, lang) || w.referralBody[r.body];
    const note = r.note.trim().replace(/[.۔。]+$/u, '');
    const noteSpan = translated(note, { en: r.noteEn, fr: r.noteFr }, lang);
    const content = note ? around(w.referralSentence(body, HOLE), { ...noteSpan, text: noteSpan.text.trim().replace(/[.۔。]+$/u, '') }, lang) : [span(w.referralSentence(body, null), lang)];
    out.push(para(content.map((x) => ({ ...x, italic: true })), 'note'));
  }
  const actions = rowsOf(c.index.actionsByDecision, d.id);
  if (actions.length) {
    out.push(para([span(w.actionsIntro, lang, { bold: true })]));
    out.push({
      kind: 'list',
      items: actions.map((a) => {
        const responsible = a.responsibleKind === 'member_state' ? c.stateName(a.responsibleStateId) : localText(a.responsibleUnit, { en: a.responsibleUnitEn, fr: a.responsibleUnitFr }, lang);
        return around(w.action({ description: HOLE, responsible, due: a.dueDate ? c.date(a.dueDate) : null }), translated(a.description, { en: a.descriptionEn, fr: a.descriptionFr }, lang), lang);
      }),
    });
  }
  return out;
}

/** Whether a reservation's own text already names its delegation ("يتحفظ وفد الجزائر على ..."). */
/** The Arabic original opens with a verb of reservation (يتحفظ، تتحفظ، نتحفظ، تحفظ...), short vowels ignored. */
export function opensWithReservation(text: string): boolean {
  return /^[\s«"(]*(و)?(ي|ت|ن|أ)?تحفظ/u.test(text.replace(/[\u064B-\u0652\u0640]/gu, ''));
}

function statesItself(c: BuildContext, memberStateId: string, text: string): boolean {
  const m = c.rows.memberStates.find((x) => x.id === memberStateId);
  const names = m ? [m.nameAr, m.nameEn, m.nameFr].map((x) => x.trim()).filter((x) => x.length > 1) : [];
  const named = names.some((n) => text.includes(n));
  return named && /(وفد|delegation|délégation)/iu.test(text);
}
