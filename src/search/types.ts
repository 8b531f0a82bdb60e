// Views returned by the search services.

export type SearchKind = 'agenda_item' | 'note' | 'motion' | 'decision';

export interface Snippet {
  /** A passage of the original text (as written, with its tashkeel), '…' where it was cut. */
  text: string;
  /** Where the matched words are in `text` (UTF-16 offsets, end exclusive). */
  highlights: { start: number; end: number }[];
}

export interface SearchHit {
  kind: SearchKind;
  /** The agenda item's, note's, motion's or decision's id. */
  id: string;
  /** Higher is better (the negated bm25 score). */
  score: number;
  session: { id: string; kind: 'ordinary' | 'extraordinary'; number: number; startDate: string };
  agendaItem: { id: string; number: string; title: string; displayTitle: string };
  /** For decisions: their numbers. */
  decisionNumber: { ar: string; en: string; fr: string } | null;
  /** Which text the snippet comes from: 'ar' | 'en' | 'fr' | 'text' (a note) | 'number'. */
  field: string;
  snippet: Snippet;
}

export interface SearchResults {
  /** The FTS5 expression that ran (for the curious and for bug reports). */
  expression: string;
  /** Hits in all (for paging), counted up to 1000. */
  total: number;
  /** More than `total` hits: refine the query. */
  totalCapped: boolean;
  hits: SearchHit[];
}

export interface RebuildResult {
  agendaItems: number;
  notes: number;
  motions: number;
  decisions: number;
}
