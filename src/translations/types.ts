// Views of the translation services (pure).
import type { TargetLanguage } from './registry';

export interface TranslationEntry {
  /** Stable id of the text: `<field key>:<row id>` (the XLIFF unit id). */
  unitId: string;
  field: string;
  id: string;
  label: { ar: string; en: string; fr: string };
  original: string;
  originalLanguage: 'ar' | 'en' | 'fr';
  language: TargetLanguage;
  translation: string;
  /** The original was edited after this translation was made (migration 0020): it needs review. */
  stale: boolean;
}

export interface TranslationList {
  sessionId: string;
  language: TargetLanguage;
  entries: TranslationEntry[];
  total: number;
  missing: number;
  /** Translated, but from an original edited since: in the worklist with the missing ones. */
  stale: number;
}

export interface XliffFile {
  fileName: string;
  xliff: string;
  units: number;
}

export interface XliffImportResult {
  language: TargetLanguage;
  /** Units whose translation was written (changed); the others were already so. */
  updated: number;
  unchanged: number;
  /** Units left empty in the file: nothing written for them. */
  empty: number;
}
