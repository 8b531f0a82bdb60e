// Views returned by the search services.

export type SearchKind = 'agenda_item' | 'note' | 'motion' | 'decision' | 'reservation' | 'referral' | 'action';

export interface Snippet {
  /** A passage of the original text (as written, with its tashkeel), '…' where it was cut. */
  text: string;
  /** Where the matched words are in `text` (UTF-16 offsets, end exclusive). */
  highlights: { start: number; end: number }[];
}

export interface SearchHit {
  kind: SearchKind;
  /** The id of the record found (agenda item, note, motion, decision, reservation, referral or action). */
  id: string;
  /** Higher is better (the negated bm25 score). */
  score: number;
  session: { id: string; kind: 'ordinary' | 'extraordinary'; number: number; startDate: string };
  /** null for a follow-up action that belongs to no decision. */
  agendaItem: { id: string; number: string; title: string; displayTitle: string } | null;
  /** The decision the record is, or hangs on (reservations, referrals, actions): where a hit opens. */
  decisionId: string | null;
  /** The numbers of that decision. */
  decisionNumber: { ar: string; en: string; fr: string } | null;
  /** Which text the snippet comes from: 'ar' | 'en' | 'fr' | 'text' | 'number'. */
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
  reservations: number;
  referrals: number;
  actions: number;
}
