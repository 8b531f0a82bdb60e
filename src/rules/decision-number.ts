// Decision numbers, pure. The organisation's pattern per language (settings.decisionNumberPattern) with
// placeholders {council} {session} {serial} {year} {kind} {extraordinary}; the default
// '{council}/{extraordinary}{session}/{serial}' renders ق.م.ت/66/3, EC/66/3, CE/66/3 for the 66th ordinary
// session and ق.م.ت/د.غ.ع/11/3, EC/EX/11/3, CE/EX/11/3 for the 11th extraordinary one, so the two never
// collide. With settings.digits 'arabic-indic' the Arabic number is written
// in Arabic-Indic digits (ق.م.ت/٦٦/٣); English and French always keep Western digits.

export type NumberLanguage = 'ar' | 'en' | 'fr';
export type SessionKind = 'ordinary' | 'extraordinary';
export type Digits = 'western' | 'arabic-indic';

export const DECISION_NUMBER_PLACEHOLDERS = ['council', 'session', 'serial', 'year', 'kind', 'extraordinary'] as const;

/** What {extraordinary} renders to: the extraordinary session's mark and a slash; nothing for an ordinary one. */
export const EXTRAORDINARY_MARKS: Record<NumberLanguage, string> = { ar: 'د.غ.ع/', en: 'EX/', fr: 'EX/' };

/** The default pattern in every language; the one before it ('{council}/{session}/{serial}') let an
 * extraordinary session's numbers collide with the ordinary session of the same number. */
export const DEFAULT_DECISION_PATTERN = '{council}/{extraordinary}{session}/{serial}';
export const PREVIOUS_DEFAULT_DECISION_PATTERN = '{council}/{session}/{serial}';

/** What {kind} renders to when the organisation has not said otherwise. */
export const DEFAULT_KIND_MARKS: Record<NumberLanguage, Record<SessionKind, string>> = {
  ar: { ordinary: 'ع', extraordinary: 'غ.ع' },
  en: { ordinary: 'O', extraordinary: 'EX' },
  fr: { ordinary: 'O', extraordinary: 'EX' },
};

export interface DecisionNumberParts {
  /** The council's abbreviation in each language (settings.councilAbbreviation). */
  council: Record<NumberLanguage, string>;
  sessionNumber: number;
  sessionKind: SessionKind;
  /** The session's start year. */
  year: number;
  serial: number;
}

export interface DecisionNumberOptions {
  digits: Digits;
  kindMarks?: Record<NumberLanguage, Record<SessionKind, string>>;
}

const WESTERN_TO_INDIC = '٠١٢٣٤٥٦٧٨٩';

export function toArabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => WESTERN_TO_INDIC[Number(d)]!);
}

/** Placeholders in a pattern that the formatter does not know (settings can warn about them). */
export function unknownPlaceholders(pattern: string): string[] {
  const known = new Set<string>(DECISION_NUMBER_PLACEHOLDERS);
  return [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((name) => !known.has(name));
}

/** One language's number. Unknown placeholders are left as written, so a typo shows instead of vanishing. */
export function formatDecisionNumber(
  pattern: string,
  language: NumberLanguage,
  parts: DecisionNumberParts,
  options: DecisionNumberOptions,
): string {
  if (!Number.isInteger(parts.serial) || parts.serial < 1) throw new RangeError(`serial must be a positive integer: ${parts.serial}`);
  const marks = options.kindMarks ?? DEFAULT_KIND_MARKS;
  const values: Record<string, string> = {
    council: parts.council[language],
    session: String(parts.sessionNumber),
    serial: String(parts.serial),
    year: String(parts.year),
    kind: marks[language][parts.sessionKind],
    extraordinary: parts.sessionKind === 'extraordinary' ? EXTRAORDINARY_MARKS[language] : '',
  };
  const rendered = pattern.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole);
  return language === 'ar' && options.digits === 'arabic-indic' ? toArabicIndicDigits(rendered) : rendered;
}

/** The three numbers of a decision, given on adoption and never changed. */
export function formatDecisionNumbers(
  patterns: Record<NumberLanguage, string>,
  parts: DecisionNumberParts,
  options: DecisionNumberOptions,
): Record<NumberLanguage, string> {
  return {
    ar: formatDecisionNumber(patterns.ar, 'ar', parts, options),
    en: formatDecisionNumber(patterns.en, 'en', parts, options),
    fr: formatDecisionNumber(patterns.fr, 'fr', parts, options),
  };
}
