// What the secretary reads when the core refuses: the catalogue's sentence for the issue's code, in the
// UI's language, naming the field by its label. The core's English message is for developers; it is
// shown as such only in English, and otherwise only under "technical details".
import type { ErrorPayload, FieldIssue } from '../../src/errors';
import type { MessageKey } from '../i18n/ar';

// The same shapes as renderer/i18n's, spelt here so this file stays free of JSX (tests import it).
type Lang = 'ar' | 'en' | 'fr';
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const SENTINEL = '\u0000';

/** Sentences the older, uncoded messages still get (kept until every refusal carries a code). */
function fromMessage(t: Translate, message: string): string | null {
  if (message === 'required' || /too small.*>=1 characters|expected string to have >=1/i.test(message)) return t('error.required');
  if (/expected number/i.test(message)) return t('error.number');
  if (/YYYY-MM-DD|not a real date/.test(message)) return t('error.date');
  if (/ISO-8601|an instant like|not a real instant/.test(message)) return t('error.instant');
  if (/a control character U\+/.test(message)) return t('text.control_character');
  if (/lone surrogate/.test(message)) return t('text.lone_surrogate');
  if (/expected one of/i.test(message)) return t('error.choice');
  // Attendance at a stated time (src/attendance/service.ts).
  if (/in the future \(/.test(message)) return t('error.attendanceFuture');
  if (/before the sitting started|after the sitting ended|outside the sitting/.test(message)) return t('error.attendanceOutside');
  if (/already present at|not present at|would break the recorded attendance|already recorded at/.test(message)) return t('error.attendanceTimeline');
  return null;
}

/** The sentence for each error code, when nothing more precise is known (tests/ui/i18n-codes walks them all). */
export const errorCodeSentence: Record<ErrorPayload['code'], MessageKey> = {
  VALIDATION: 'error.code.VALIDATION',
  NOT_FOUND: 'error.code.NOT_FOUND',
  CONFLICT: 'error.code.CONFLICT',
  LOCKED_SESSION: 'error.locked',
  QUORUM_NOT_MET: 'error.quorum',
  DATABASE_FROM_FUTURE: 'error.code.DATABASE_FROM_FUTURE',
  DATABASE_DAMAGED: 'error.code.DATABASE_DAMAGED',
  NATIVE_MODULE: 'error.code.NATIVE_MODULE',
  INTERNAL: 'error.code.INTERNAL',
  DISK_FULL: 'error.diskFull',
  DATABASE_READ_ONLY: 'error.readOnly',
  STORAGE_UNAVAILABLE: 'error.storage',
  MIGRATIONS_OUT_OF_ORDER: 'error.migrationsOutOfOrder',
  NETWORK_LOCATION: 'error.networkLocation',
};

/** Faults of the disk or the file: one sentence that says what to do, whatever the field (the core's message keeps the path, for IT). */
const STORAGE_CODES: ReadonlySet<ErrorPayload['code']> = new Set(['DISK_FULL', 'DATABASE_READ_ONLY', 'STORAGE_UNAVAILABLE', 'MIGRATIONS_OUT_OF_ORDER', 'NETWORK_LOCATION']);

/** The catalogue's sentence for a record-rule or text-rule code the core gave (issues[].rule), when it has one. */
function ruleSentence(t: Translate, rule: string | undefined): string | null {
  if (!rule) return null;
  const said = t(rule as MessageKey);
  return said === rule ? null : said;
}

export interface ErrorText {
  text: string;
  /** The core's own words, when the sentence above had to be generic. */
  technical?: string;
}

export function issueText(t: Translate, lang: Lang, issue: FieldIssue, label = '', errorCode: ErrorPayload['code'] = 'VALIDATION'): ErrorText {
  if (STORAGE_CODES.has(errorCode)) return { text: t(errorCodeSentence[errorCode]), technical: issue.message };
  // A rule of the record names what is wrong more precisely than the schema's generic code.
  const rule = ruleSentence(t, issue.rule);
  if (rule) return { text: label ? `${label}${lang === 'fr' ? '\u00a0: ' : ': '}${rule}` : rule };
  if (issue.code) {
    const raw = t(`issue.${issue.code}` as MessageKey, { ...(issue.params ?? {}), field: label || SENTINEL });
    return { text: raw.replace(new RegExp(`^${SENTINEL}\\s*:\\s*`), '').replaceAll(SENTINEL, '') };
  }
  const message = issue.message.replace(/^[\w.]+: /, '');
  const known = fromMessage(t, message);
  if (known) return { text: label ? `${label}${lang === 'fr' ? '\u00a0: ' : ': '}${known}` : known };
  if (lang === 'en') return { text: label ? `${label}: ${message}` : message };
  return { text: t(errorCodeSentence[errorCode]), technical: issue.message };
}

/** The first sentence for a whole refusal (for a banner): its first issue, else its code. */
export function errorText(t: Translate, lang: Lang, error: ErrorPayload, label = ''): ErrorText {
  if (error.code === 'LOCKED_SESSION') return { text: t('error.locked') };
  if (error.code === 'QUORUM_NOT_MET') return { text: t('error.quorum') };
  const issue = error.issues?.[0] ?? { field: error.field, message: error.message };
  return issueText(t, lang, issue, label, error.code);
}
