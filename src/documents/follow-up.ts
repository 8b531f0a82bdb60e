// The follow-up report prepared after a session for the next one: the actions decided at this session and
// earlier ones, their status and latest update (src/actions/report.ts chooses them; see follow-up-data.ts).
// Pure.
import type { FollowUpEntry } from '../actions/types';
import type { Block, Inline, MinutesDocument, TableCell } from '../minutes/model';
import type { MinutesRecord } from '../minutes/record';
import { pick, span, translated } from '../minutes/text';
import { documentContext, frame, type DocumentOptions } from './frame';

const cell = (content: Inline, center = false): TableCell => (center ? { content, center } : { content });

export function buildFollowUpDocument(record: MinutesRecord, entries: readonly FollowUpEntry[], options: DocumentOptions): MinutesDocument {
  const c = documentContext(record, options);
  const { w, d, lang } = c;
  const blocks: Block[] = [];
  if (!entries.length) blocks.push({ kind: 'paragraph', content: [span(d.followUpEmpty, lang)] });
  else {
    const f = w.followUp;
    blocks.push({ kind: 'paragraph', content: [span(d.followUpIntro, lang)] });
    blocks.push({
      kind: 'table',
      widths: [2, 3, 6, 3, 3, 3, 5],
      header: [f.session, f.decision, f.action, f.responsible, f.due, f.status, f.update].map((t) => cell([span(t, lang, { bold: true })])),
      rows: entries.map((e) => {
        const a = e.action;
        const status = w.actionStatus[e.statusAtReport] + (e.overdue ? ` (${d.overdue})` : '');
        return [
          cell([span(c.num(a.session.number), lang)], true),
          cell(a.decisionNumber ? [c.decisionNumber(a.decisionNumber)] : [span(w.none, lang)]),
          cell([translated(a.description, a.forms.description, lang)]),
          cell([a.responsible.kind === 'member_state' ? pick(a.responsible.state, lang, c.original) : translated(a.responsible.unit, a.forms.unit, lang)]),
          cell([span(a.dueDate ? c.date(a.dueDate) : w.none, lang)], true),
          cell([span(status, lang)], true),
          cell(e.latestUpdate ? [translated(e.latestUpdate.text, e.latestUpdate.textForms, lang)] : [span(w.none, lang)]),
        ];
      }),
    });
  }
  return frame(c, d.followUpOf, blocks, false);
}
