// The minutes' deliberations, item by item: presentation, interventions, motions and amendments with their
// votes and roll-call tables, decisions in full with reservations, referrals and follow-up actions. Pure.
import type { AgendaItemRow, DecisionRow, MotionRow } from '../bundle/schema';
import { heading, type BuildContext } from './build-model';
import type { Block } from './model';
import { around, freeText, HOLE, para, pick, span } from './text';

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
  if (item.presenter.trim()) out.push(para([span(w.presentedBy(item.presenter, docs), lang)]));
  const notes = rows.notes.filter((x) => x.agendaItemId === item.id).sort((a, b) => a.at.localeCompare(b.at));
  const motions = rows.motions.filter((m) => m.agendaItemId === item.id);
  const decisions = rows.decisions.filter((d) => d.agendaItemId === item.id).sort((a, b) => a.serial - b.serial);
  if (item.standingKey === 'adoption_of_agenda' && rows.agendaAdoption) {
    const x = rows.agendaAdoption;
    out.push(para([span(w.agendaAdopted({ sitting: c.sittingName(x.sittingId), date: c.date(x.adoptedAt), asAmended: x.asAmended === 1 }), lang)]));
  } else if (item.status === 'deferred' || item.status === 'withdrawn') out.push(para([span(w.itemStatus[item.status], lang)], 'note'));
  else if (!notes.length && !motions.length && !decisions.length && !rows.agendaItems.some((x) => x.parentId === item.id)) {
    // Nothing on record under the item: say so, rather than leave a bare heading (e.g. any other business).
    if (item.status === 'pending' && item.parentId === null) out.push(para([span(w.itemStatus.pending, lang)], 'note'));
    else if (item.status === 'discussed' && !item.presenter.trim()) out.push(para([span(w.itemStatus.nothingRecorded, lang)], 'note'));
  }
  if (notes.length) {
    out.push(para([span(w.interventions, lang, { bold: true })]));
    const delegations = new Map(rows.delegations.map((d) => [d.id, d]));
    out.push({
      kind: 'list',
      items: notes.map((note) => {
        const d = note.speakerDelegationId ? delegations.get(note.speakerDelegationId) : undefined;
        const who =
          note.speakerKind === 'delegation'
            ? w.speakerLabel(note.speakerKind, d ? c.delegationOf(d) : c.nameOf(note.speakerName))
            : w.speakerLabel(note.speakerKind, d ? c.delegationName(d) : note.speakerName);
        const text = { text: note.text, lang: note.language, ...(note.language !== lang ? { untranslated: true } : {}) };
        return [span(`${who}${lang === 'fr' ? ' : ' : ': '}`, lang, { bold: true }), text];
      }),
    });
  }
  const top = motions.filter((m) => !m.parentMotionId || !motions.some((p) => p.id === m.parentMotionId)).sort(byCreated);
  for (const m of top) {
    out.push(...motionBlocks(c, m, false));
    for (const a of motions.filter((x) => x.parentMotionId === m.id).sort(byCreated)) out.push(...motionBlocks(c, a, true));
  }
  for (const d of decisions) out.push(...decisionBlocks(c, d));
  return out;
}

const byCreated = (a: MotionRow, b: MotionRow) => a.createdAt.localeCompare(b.createdAt);

function motionBlocks(c: BuildContext, m: MotionRow, amendment: boolean): Block[] {
  const { rows, w, lang } = c;
  const proposer = rows.delegations.find((d) => d.id === m.proposerDelegationId);
  const label = `${amendment ? w.amendment : w.motion}${proposer ? ` (${w.proposedBy(w.delegationOf(c.delegationOf(proposer)))})` : ''}${lang === 'fr' ? ' : ' : ': '}`;
  const out: Block[] = [para([span(label, lang, { bold: true }), pick({ ar: m.textAr, en: m.textEn, fr: m.textFr }, lang, c.original)], amendment ? 'quote' : undefined)];
  const vote = rows.votes.find((v) => v.motionId === m.id);
  if (vote) {
    out.push(
      para([
        span(
          w.vote({
            outcome: vote.outcome,
            yes: c.num(vote.yes),
            no: c.num(vote.no),
            abstain: c.num(vote.abstain),
            notParticipating: vote.notParticipating ? c.num(vote.notParticipating) : null,
            rule: w.majorityRule(vote.rule),
            sitting: c.sittingName(vote.sittingId),
            castingVote: vote.castingVote,
            inquorate: vote.inquorate === 1,
          }),
          lang,
        ),
      ]),
    );
    const ballots = rows.voteBallots.filter((b) => b.voteId === vote.id).sort((a, b) => a.rollOrder - b.rollOrder);
    out.push({
      kind: 'table',
      caption: [span(w.rollCall.caption(c.voteNumbers.get(vote.id) ?? ''), lang, { bold: true })],
      widths: [3, 2],
      header: [w.rollCall.state, w.rollCall.vote].map((t) => ({ content: [span(t, lang, { bold: true })] })),
      rows: ballots.map((b) => [{ content: [span(c.stateName(b.memberStateId), lang)] }, { content: [span(w.rollCall.choice[b.choice], lang)], center: true }]),
    });
  } else if (m.status === 'adopted' && m.decidedBy !== 'vote') out.push(para([span(w.consensus, lang)]));
  else if (m.status === 'adopted' || m.status === 'rejected') out.push(para([span(w.outcome[m.status], lang)]));
  else out.push(para([span(w.motionStatus[m.status], lang)]));
  return out;
}

export function decisionBlocks(c: BuildContext, d: DecisionRow): Block[] {
  const { rows, w, lang } = c;
  const number = c.decisionNumber({ ar: d.numberAr, en: d.numberEn, fr: d.numberFr });
  const out: Block[] = [
    para([span(w.decision(number.text), lang, { bold: true }), span(` (${w.adoptedBy[d.adoptedBy]})`, lang)], 'decision'),
  ];
  const text = pick({ ar: d.textAr, en: d.textEn, fr: d.textFr }, lang, c.original);
  for (const line of text.text.split(/\n+/).filter((l) => l.trim())) out.push(para([{ ...text, text: line.trim() }], 'decision'));
  for (const r of rows.reservations.filter((x) => x.decisionId === d.id).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))) {
    const content = around(w.reservation(c.stateOf(r.memberStateId), HOLE), freeText(r.text, lang), lang);
    out.push(para(content.map((x) => ({ ...x, italic: true })), 'note'));
  }
  for (const r of rows.referrals.filter((x) => x.decisionId === d.id)) {
    out.push(para([span(w.referral(r.bodyName.trim() || w.referralBody[r.body], ''), lang, { italic: true }), ...(r.note.trim() ? [span(' ', lang), freeText(r.note, lang)] : [])], 'note'));
  }
  const actions = rows.actionItems.filter((a) => a.decisionId === d.id);
  if (actions.length) {
    out.push(para([span(w.actionsIntro, lang, { bold: true })]));
    out.push({
      kind: 'list',
      items: actions.map((a) => {
        const responsible = a.responsibleKind === 'member_state' ? c.stateName(a.responsibleStateId) : a.responsibleUnit;
        return around(w.action({ description: HOLE, responsible, due: a.dueDate ? c.date(a.dueDate) : null }), freeText(a.description, lang), lang);
      }),
    });
  }
  return out;
}
