// The corrigenda section: corrections recorded after the minutes were approved (src/corrigenda), printed
// in the next version of the minutes, each with its number, the decision it corrects, its date, its text
// in the chosen language (marked when it falls back to another) and its reason. Pure.
import { heading, type BuildContext } from './build-model';
import type { Block, CorrigendumInput } from './model';
import { freeText, pick, span } from './text';

export function corrigendaBlocks(c: BuildContext, list: readonly CorrigendumInput[]): Block[] {
  if (!list.length) return [];
  const { rows, w, lang } = c;
  const decisions = new Map(rows.decisions.map((d) => [d.id, d]));
  const out: Block[] = [heading(c, 1, w.headings.corrigenda, 'corrigenda'), { kind: 'paragraph', content: [span(w.corrigendaIntro, lang)] }];
  for (const k of [...list].sort((a, b) => a.number - b.number)) {
    const d = k.decisionId ? decisions.get(k.decisionId) : undefined;
    const decision = d ? w.decision(c.decisionNumber({ ar: d.numberAr, en: d.numberEn, fr: d.numberFr }).text) : null;
    out.push({
      kind: 'paragraph',
      emphasis: 'decision',
      content: [span(w.corrigendum({ number: c.num(k.number), decision, date: c.date(k.createdAt) }), lang, { bold: true })],
    });
    const text = pick({ ar: k.textAr, en: k.textEn, fr: k.textFr }, lang, c.original);
    for (const line of text.text.split(/\n+/).filter((l) => l.trim())) {
      out.push({ kind: 'paragraph', emphasis: 'decision', content: [{ ...text, text: line.trim() }] });
    }
    if (k.reason.trim()) {
      out.push({ kind: 'paragraph', emphasis: 'note', content: [span(w.corrigendumReason, lang, { italic: true }), freeText(k.reason.trim(), lang, { italic: true })] });
    }
  }
  return out;
}
