// The minutes as a document model: what both renderers (docx, HTML) draw, already worded in the chosen
// language. Pure types; nothing about files, Word or the DOM.
import type { Language } from '../settings/schema';

/** A piece of text. `lang` is the language it is written in (for its direction and font). */
export interface Span {
  text: string;
  lang: Language;
  bold?: boolean;
  italic?: boolean;
  /** Shown in its original language because no translation exists yet: marked for a translator. */
  untranslated?: boolean;
}

export type Inline = Span[];

export interface TableCell {
  content: Inline;
  /** Centred (numbers, marks). */
  center?: boolean;
}

export type Block =
  | { kind: 'title'; content: Inline }
  | { kind: 'subtitle'; content: Inline }
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline; anchor: string }
  | { kind: 'paragraph'; content: Inline; emphasis?: 'decision' | 'note' | 'quote' }
  | { kind: 'list'; items: Inline[] }
  | {
      kind: 'table';
      caption?: Inline;
      /** Relative widths, one per column. */
      widths: number[];
      header: TableCell[];
      rows: TableCell[][];
    }
  | { kind: 'signatures'; signatories: SignatureBlock[] }
  | { kind: 'toc'; title: string }
  | { kind: 'pageBreak' };

export interface ImageData {
  base64: string;
  type: 'png' | 'jpg';
}

export interface SignatureBlock {
  role: Inline;
  name: Inline;
  image: ImageData | null;
}

/** A corrigendum as the builder takes it (the stored row of src/corrigenda has these fields). */
export interface CorrigendumInput {
  number: number;
  decisionId: string | null;
  textAr: string;
  textEn: string;
  textFr: string;
  reason: string;
  /** ISO instant: printed as the corrigendum's date. */
  createdAt: string;
}

/** A signatory as helper code supplies it (settings + who signed). */
export interface SignatoryInput {
  role: string;
  name: string;
  signatureImage?: ImageData | null;
}

export interface MinutesDocument {
  lang: Language;
  dir: 'rtl' | 'ltr';
  /** Not approved: every page carries a DRAFT mark. */
  draft: boolean;
  draftLabel: string;
  fonts: { arabic: string; latin: string };
  header: { organisation: string; council: string; logo: ImageData | null };
  /** Footer template with {page} and {pages}. */
  footer: string;
  /** Document properties. */
  meta: { title: string; subject: string; sessionId: string };
  /** Printed under the signatures when the approved minutes were sealed. */
  sealFingerprint: string | null;
  blocks: Block[];
}
