// قرارات الدورة / Decisions of the session / Décisions de la session: every decision in full, under the
// agenda item it was taken on, with its number, reservations, referrals and follow-up actions, as in the
// minutes (the same blocks) but without the deliberations. Pure.
import { decisionBlocks } from '../minutes/build-items';
import { heading } from '../minutes/build-model';
import type { Block, MinutesDocument } from '../minutes/model';
import type { MinutesRecord } from '../minutes/record';
import { around, HOLE, para, pick, span } from '../minutes/text';
import { documentContext, frame, type DocumentOptions } from './frame';

export function buildDecisionsDocument(record: MinutesRecord, options: DocumentOptions): MinutesDocument {
  const c = documentContext(record, options);
  const { rows, w, d, lang } = c;
  const blocks: Block[] = [];
  const count = rows.decisions.length;
  blocks.push(para([span(count ? d.decisionsIntro(c.num(count)) : d.noDecisions, lang)]));
  // Items in agenda order; decisions by serial (their adoption order) under each.
  for (const item of c.itemsInOrder) {
    const decisions = rows.decisions.filter((x) => x.agendaItemId === item.id).sort((a, b) => a.serial - b.serial);
    if (!decisions.length) continue;
    const n = c.itemNumbers.get(item.id) ?? '';
    const title = pick({ ar: item.titleAr, en: item.titleEn, fr: item.titleFr }, lang, c.original);
    blocks.push(heading(c, 2, '', `item-${n}`, around(w.item(n, HOLE), title, lang)));
    for (const decision of decisions) blocks.push(...decisionBlocks(c, decision));
  }
  // A decision on an item no longer on the agenda is still a decision of the session.
  const listed = new Set(c.itemsInOrder.map((i) => i.id));
  for (const decision of rows.decisions.filter((x) => !listed.has(x.agendaItemId)).sort((a, b) => a.serial - b.serial)) {
    blocks.push(...decisionBlocks(c, decision));
  }
  return frame(c, d.decisionsOf, blocks, record.rows.session.lockedAt === null);
}
