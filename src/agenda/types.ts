// Views returned by the agenda services.
export interface AgendaTitle {
  ar: string;
  /** '' means not yet translated. */
  en: string;
  fr: string;
}

export type AgendaStatus = 'pending' | 'discussed' | 'deferred' | 'withdrawn';

export interface AgendaItem {
  id: string;
  sessionId: string;
  parentId: string | null;
  /** 1..n among its siblings. */
  position: number;
  /** Display number: '2', '2.1'. */
  number: string;
  /** 0 for a top-level item. */
  depth: number;
  standingKey: string | null;
  title: AgendaTitle;
  presenter: string;
  documentRefs: string[];
  status: AgendaStatus;
  createdAt: string;
}

export interface AgendaAdoption {
  sessionId: string;
  sittingId: string;
  adoptedAt: string;
  asAmended: boolean;
  note: string;
}
