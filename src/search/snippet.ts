// Snippets from the original text (the index is contentless and folded): the passage around the matched
// words, with their places, so the UI shows the words as written and marks them. Pure.
import { arabicPrefixVariants, tokenSpans, type TokenSpan } from '../rules/arabic-normalize';
import type { QueryTerm } from './query';
import type { Snippet } from './types';

const WINDOW = 24; // words shown
const LEAD = 6; // words before the first match

// Which term a folded word matches, remembered for the query's terms (one search scans ~50 texts whose
// words repeat; the terms array is the parsed query's, so the memo goes with it).
const memoByTerms = new WeakMap<QueryTerm[], Map<string, number>>();

function matches(span: TokenSpan, terms: QueryTerm[]): number {
  let memo = memoByTerms.get(terms);
  if (!memo) memoByTerms.set(terms, (memo = new Map()));
  let hit = memo.get(span.folded);
  if (hit === undefined) {
    hit = matchTerm(span.folded, terms);
    if (memo.size >= 50_000) memo.clear();
    memo.set(span.folded, hit);
  }
  return hit;
}

function matchTerm(folded: string, terms: QueryTerm[]): number {
  const forms = [folded, ...arabicPrefixVariants(folded)];
  let hit = -1;
  terms.forEach((term, i) => {
    if (hit >= 0) return;
    const ok = term.alternatives.some((alt) => forms.some((f) => (term.prefix ? f.startsWith(alt) : f === alt)));
    if (ok) hit = i;
  });
  return hit;
}

export interface ScannedText {
  text: string;
  spans: TokenSpan[];
  /** For each word, the query term it matches, or -1. */
  hitTerm: number[];
  /** How many distinct query terms the text contains. */
  termsMatched: number;
}

/** Words of a text and which query terms they match (done once per text, used to choose and to cut). */
export function scanText(text: string, terms: QueryTerm[]): ScannedText {
  const spans = tokenSpans(text);
  const hitTerm = spans.map((s) => matches(s, terms));
  return { text, spans, hitTerm, termsMatched: new Set(hitTerm.filter((i) => i >= 0)).size };
}

export function buildSnippet(textOrScan: string | ScannedText, terms: QueryTerm[]): Snippet {
  const { text, spans, hitTerm } = typeof textOrScan === 'string' ? scanText(textOrScan, terms) : textOrScan;
  if (spans.length === 0) return { text: '', highlights: [] };
  const hits = hitTerm.map((i) => i >= 0);
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
