// Snippets from the original text (the index is contentless and folded): the passage around the matched
// words, with their places, so the UI shows the words as written and marks them. Pure.
import { arabicPrefixVariants, tokenSpans, type TokenSpan } from '../rules/arabic-normalize';
import type { QueryTerm } from './query';
import type { Snippet } from './types';

const WINDOW = 24; // words shown
const LEAD = 6; // words before the first match

function matches(span: TokenSpan, terms: QueryTerm[]): number {
  const forms = [span.folded, ...arabicPrefixVariants(span.folded)];
  let hit = -1;
  terms.forEach((term, i) => {
    if (hit >= 0) return;
    const ok = term.alternatives.some((alt) => forms.some((f) => (term.prefix ? f.startsWith(alt) : f === alt)));
    if (ok) hit = i;
  });
  return hit;
}

/** How many distinct query terms a text contains (to pick the text a snippet comes from). */
export function termsMatched(text: string, terms: QueryTerm[]): number {
  const seen = new Set<number>();
  for (const span of tokenSpans(text)) {
    const i = matches(span, terms);
    if (i >= 0) seen.add(i);
  }
  return seen.size;
}

export function buildSnippet(text: string, terms: QueryTerm[]): Snippet {
  const spans = tokenSpans(text);
  if (spans.length === 0) return { text: '', highlights: [] };
  const hits = spans.map((s) => matches(s, terms) >= 0);
  const first = Math.max(0, hits.indexOf(true));
  const from = Math.max(0, Math.min(first - LEAD, spans.length - WINDOW));
  const to = Math.min(spans.length, from + WINDOW) - 1;
  const startAt = from === 0 ? 0 : spans[from]!.start;
  const endAt = to === spans.length - 1 ? text.length : spans[to]!.end;
  const head = startAt > 0 ? '…' : '';
  const tail = endAt < text.length ? '…' : '';
  const highlights: Snippet['highlights'] = [];
  for (let i = from; i <= to; i++) {
    if (hits[i]) highlights.push({ start: spans[i]!.start - startAt + head.length, end: spans[i]!.end - startAt + head.length });
  }
  return { text: head + text.slice(startAt, endAt).replace(/[\r\n\t]/g, ' ') + tail, highlights };
}
