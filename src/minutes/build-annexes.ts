// The annexes of the minutes: attendance per sitting, the adopted agenda, the register of decisions,
// the follow-up of previous sessions' decisions, and the roll-call votes. Pure.
import { attendanceWording } from '../i18n/minutes-attendance';
import { presenceAt } from './attendance';
import { heading, type BuildContext } from './build-model';
import type { Block, Inline, TableCell } from './model';
import { freeText, localText, para, pick, span, translated } from './text';
import { byHeldAt, voteQuorumText, voteResultText } from './votes';
import { rowsOf } from './record-index';
import { documentsWording } from '../i18n/documents';
import { workingDocumentsTable } from '../documents/working-table';

export function buildAnnexes(c: BuildContext): Block[] {
  const { w } = c;
  const out: Block[] = [{ kind: 'pageBreak' }, heading(c, 1, w.headings.annexes, 'annexes')];
  let n = 0;
  const annex = (title: string, anchor: string, blocks: Block[]) => {
    n += 1;
    out.push(heading(c, 2, w.annex(c.num(n), title), anchor), ...blocks);
  };
  annex(w.headings.annexAttendance, 'annex-attendance', attendance(c));
  annex(w.headings.annexAgenda, 'annex-agenda', agenda(c));
  annex(w.headings.annexDecisions, 'annex-decisions', register(c));
  annex(w.headings.annexFollowUp, 'annex-follow-up', followUp(c));
  if (c.rows.votes.length) annex(w.headings.annexVotes, 'annex-votes', votes(c));
  // The working documents stored with the session (symbol, item, title, language, version), when there are any.
  const documents = workingDocumentsTable(c);
  if (documents) annex(documentsWording(c.lang).annexDocuments, 'annex-documents', [documents]);
  return out;
}

const cell = (content: Inline, center = false): TableCell => (center ? { content, center } : { content });
const head = (c: BuildContext, titles: string[]): TableCell[] => titles.map((t) => cell([span(t, c.lang, { bold: true })]));

function attendance(c: BuildContext): Block[] {
  const { rows, w, lang } = c;
  const order = new Map(rows.memberStates.map((m) => [m.id, m.protocolOrder]));
  const kindRank = { member: 0, observer: 1, secretariat: 2 } as const;
  const delegations = [...rows.delegations].sort(
    (a, b) => kindRank[a.kind] - kindRank[b.kind] || (order.get(a.memberStateId ?? '') ?? 0) - (order.get(b.memberStateId ?? '') ?? 0),
  );
  const aw = attendanceWording(lang);
  const out: Block[] = [];
  for (const sitting of [...rows.sittings].sort((a, b) => a.number - b.number)) {
    const presence = presenceAt(sitting, rows.attendanceEvents);
    // The secretariat serves the session: it is listed when its comings and goings were recorded, never
    // marked "absent" because they were not.
    const listed = delegations.filter((d) => d.kind !== 'secretariat' || presence.has(d.id));
    const title = `${c.sittingName(sitting.id)} — ${c.date(sitting.startsAt)}`;
    out.push({
      kind: 'table',
      caption: [span(title.charAt(0).toUpperCase() + title.slice(1), lang, { bold: true })],
      // Every interval of presence: a delegation that left and came back has two (10:00–12:15; 12:50–end).
      widths: [5, 4],
      header: head(c, [w.attendance.delegation, aw.presence]),
      rows: listed.map((d) => {
        const p = presence.get(d.id);
        const intervals = (p?.intervals ?? []).map((x) => aw.interval(c.time(x.from), x.to ? c.time(x.to) : aw.endOfSitting));
        return [
          cell([span(c.delegationName(d), lang)]),
          cell([span(intervals.length ? intervals.join(lang === 'ar' ? '؛ ' : '; ') : w.attendance.absent, lang)], true),
        ];
      }),
    });
  }
  return out;
}

// Numbered paragraphs, not a bulleted list: the item's own number is the marker (a bullet before it doubled it).
function agenda(c: BuildContext): Block[] {
  return c.itemsInOrder.map((item) =>
    para([
      span(`${c.itemNumbers.get(item.id) ?? ''}. `, c.lang),
      pick({ ar: item.titleAr, en: item.titleEn, fr: item.titleFr }, c.lang, c.original),
    ]),
  );
}

function register(c: BuildContext): Block[] {
  const { rows, w, lang } = c;
  const decisions = [...rows.decisions].sort((a, b) => a.serial - b.serial);
  if (!decisions.length) return [{ kind: 'paragraph', content: [span(w.none, lang)] }];
  return [
    {
      kind: 'table',
      widths: [3, 5, 5, 3, 3],
      header: head(c, [w.register.number, w.register.item, w.register.adoption, w.register.reservations, w.register.referral]),
      rows: decisions.map((d) => {
        const item = c.index.itemById.get(d.agendaItemId);
        const reservations = rowsOf(c.index.reservationsByDecision, d.id).map((r) => c.stateName(r.memberStateId));
        const referrals = rowsOf(c.index.referralsByDecision, d.id).map((r) => localText(r.bodyName.trim(), { en: r.bodyNameEn, fr: r.bodyNameFr }, lang) || w.referralBody[r.body]);
        const sep = lang === 'ar' ? '، ' : ', ';
        return [
          cell([c.decisionNumber({ ar: d.numberAr, en: d.numberEn, fr: d.numberFr })]),
          cell(
            item
              ? [span(`${c.itemNumbers.get(item.id) ?? ''}. `, lang), pick({ ar: item.titleAr, en: item.titleEn, fr: item.titleFr }, lang, c.original)]
              : [span(w.none, lang)],
          ),
          cell([span(adoption(c, d), lang)], d.adoptedBy !== 'vote'),
          cell([span(reservations.length ? reservations.join(sep) : w.none, lang)]),
          cell(referrals.length ? referrals.map((r, i) => freeText(i ? `${sep}${r}` : r, lang)) : [span(w.none, lang)]),
        ];
      }),
    },
  ];
}

function followUp(c: BuildContext): Block[] {
  const { w, lang } = c;
  const list = c.record.followUp;
  if (!list.length) return [{ kind: 'paragraph', content: [span(w.followUp.empty, lang)] }];
  return [
    { kind: 'paragraph', content: [span(w.followUp.intro, lang)] },
    {
      kind: 'table',
      widths: [2.7, 2.9, 4.5, 3.6, 3.1, 2.7, 4.5],
      header: head(c, [w.followUp.session, w.followUp.decision, w.followUp.action, w.followUp.responsible, w.followUp.due, w.followUp.status, w.followUp.update]),
      rows: list.map((a) => [
        cell([span(c.num(a.sessionNumber), lang)], true),
        cell(a.decisionNumber ? [c.decisionNumber(a.decisionNumber)] : [span(w.none, lang)]),
        cell([translated(a.description, { en: a.descriptionEn, fr: a.descriptionFr }, lang)]),
        cell([a.responsibleState ? pick(a.responsibleState, lang, c.original) : translated(a.responsibleUnit, { en: a.responsibleUnitEn, fr: a.responsibleUnitFr }, lang)]),
        cell([span(a.dueDate ? c.date(a.dueDate) : w.none, lang)], true),
        cell([span(w.actionStatus[(a.latestUpdate?.status ?? a.status)], lang)], true),
        cell(a.latestUpdate ? [translated(a.latestUpdate.text, { en: a.latestUpdate.textEn, fr: a.latestUpdate.textFr }, lang)] : [span(w.none, lang)]),
      ]),
    },
  ];
}

/** Votes per roll-call table in the annex: the states down, the votes across, a readable width on A4. */
const VOTES_PER_TABLE = 6;

function votes(c: BuildContext): Block[] {
  const { rows } = c;
  const list = [...rows.votes].sort(byHeldAt);
  const motions = new Map(rows.motions.map((m) => [m.id, m]));
  return [
    ...votesSummary(c, list, motions),
    ...rollCallTables(c, list),
  ];
}

/**
 * The roll-call tables: each state's ballot in every vote (by the vote's number in the summary above),
 * states in protocol order; "—" where the state was not present at that vote.
 */
function rollCallTables(c: BuildContext, list: SessionVotes): Block[] {
  const { rows, w, lang } = c;
  const order = new Map(rows.memberStates.map((m) => [m.id, m.protocolOrder]));
  const choice = new Map(rows.voteBallots.map((b) => [`${b.voteId}:${b.memberStateId}`, b.choice] as const));
  const out: Block[] = [];
  for (let i = 0; i < list.length; i += VOTES_PER_TABLE) {
    const chunk = list.slice(i, i + VOTES_PER_TABLE);
    const voted = new Set(chunk.flatMap((v) => rowsOf(c.index.ballotsByVote, v.id)).map((b) => b.memberStateId));
    const states = [...voted].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const numbers = chunk.map((v) => c.voteNumbers.get(v.id) ?? '');
    out.push({
      kind: 'table',
      caption: [span(w.rollCall.caption(numbers.length > 1 ? `${numbers[0]}–${numbers.at(-1)}` : (numbers[0] ?? '')), lang, { bold: true })],
      widths: [4, ...chunk.map(() => 2)],
      header: head(c, [w.rollCall.state, ...numbers]),
      rows: states.map((stateId) => [
        cell([span(c.stateName(stateId), lang)]),
        ...chunk.map((v) => {
          const x = choice.get(`${v.id}:${stateId}`);
          return cell([span(x ? w.rollCall.choice[x] : w.none, lang)], true);
        }),
      ]),
    });
  }
  return out;
}

type SessionVotes = BuildContext['rows']['votes'];

/** The register's "adopted" cell: by consensus, or by vote with the vote's result and its quorum. */
function adoption(c: BuildContext, d: BuildContext['rows']['decisions'][number]): string {
  const vote = d.adoptedBy === 'vote' && d.motionId ? rowsOf(c.index.votesByMotion, d.motionId).sort(byHeldAt).at(-1) : undefined;
  if (!vote) return c.w.adoptedBy[d.adoptedBy];
  return `${c.w.adoptedByVote(voteResultText(c, vote))}${c.lang === 'ar' ? '؛ ' : '; '}${voteQuorumText(c, vote)}`;
}

/**
 * The summary of the votes: each in the order taken, when, the states present and the quorum at that
 * instant (without quorum said so), every ballot counted (not participating too), and the result in the
 * same words as the item's.
 */
function votesSummary(c: BuildContext, list: SessionVotes, motions: Map<string, BuildContext['rows']['motions'][number]>): Block[] {
  const { w, lang } = c;
  const k = w.votesColumns;
  return [
    {
      kind: 'table',
      widths: [0.9, 1.6, 2.9, 2.5, 1.5, 2.1, 1.5, 2.6, 4.8],
      header: head(c, [k.number, k.item, k.when, k.present, k.yes, k.no, k.abstain, k.notParticipating, k.result]),
      rows: list.map((v) => {
        const motion = motions.get(v.motionId);
        return [
          cell([span(c.voteNumbers.get(v.id) ?? '', lang)], true),
          cell([span(motion ? (c.itemNumbers.get(motion.agendaItemId) ?? '') : w.none, lang)], true),
          cell([span(capitalise(`${c.sittingName(v.sittingId)}${lang === 'ar' ? '، ' : ', '}${c.time(v.heldAt)}`, lang), lang)]),
          cell([span(voteQuorumText(c, v), lang)]),
          cell([span(c.num(v.yes), lang)], true),
          cell([span(c.num(v.no), lang)], true),
          cell([span(c.num(v.abstain), lang)], true),
          cell([span(c.num(v.notParticipating), lang)], true),
          cell([span(capitalise(voteResultText(c, v), lang), lang)]),
        ];
      }),
    },
  ];
}

const capitalise = (s: string, lang: string) => (lang === 'ar' ? s : s.charAt(0).toUpperCase() + s.slice(1));
