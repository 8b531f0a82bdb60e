// What the secretary reads when the core refuses: the catalogue's sentence for the issue's code, in the
// UI's language, naming the field by its label. The core's English message is for developers; it is
// shown as such only in English, and otherwise only under "technical details".
import type { ErrorPayload, FieldIssue, IssueCode } from '../../src/errors';
import type { MessageKey } from '../i18n/ar';

// The same shapes as renderer/i18n's, spelt here so this file stays free of JSX (tests import it).
type Lang = 'ar' | 'en' | 'fr';
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const SENTINEL = '\u0000';

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

/**
 * The one catalogue key of a refusal's sentence: `issue.<code>`, whatever said it (a schema, a service, a
 * rule of the record, the text rule). The code is the only thing the UI reads; the message is English
 * for developers.
 */
export function issueKey(code: IssueCode): MessageKey {
  return `issue.${code}` as MessageKey;
}

function fill(template: string, params: Record<string, string | number>): string {
  let s = template;
  for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** French spacing and apostrophe, whatever the catalogue line was typed with: a no-break space before a
 * colon and inside guillemets, a narrow one before ; ? !, and the typographic apostrophe. */
export function frenchTypography(s: string): string {
  return s
    .replace(/'/g, '\u2019')
    .replace(/[ \u00a0\u202f]+:/g, '\u00a0:')
    .replace(/«[ \u00a0\u202f]*/g, '«\u00a0')
    .replace(/[ \u00a0\u202f]*»/g, '\u00a0»')
    .replace(/[ \u00a0\u202f]+([;?!])/g, '\u202f$1');
}

export interface ErrorText {
  text: string;
  /** The core's own words, when the sentence above had to be generic. */
  technical?: string;
}

/** A catalogue sentence as the UI says it (French typography applied). */
function sentence(t: Translate, lang: Lang, key: MessageKey): string {
  return lang === 'fr' ? frenchTypography(t(key)) : t(key);
}

export function issueText(t: Translate, lang: Lang, issue: FieldIssue, label = '', errorCode: ErrorPayload['code'] = 'VALIDATION'): ErrorText {
  if (STORAGE_CODES.has(errorCode)) return { text: sentence(t, lang, errorCodeSentence[errorCode]), technical: issue.message };
  if (issue.code) {
    const key = issueKey(issue.code);
    const template = t(key);
    if (template !== key) {
      const raw = fill(lang === 'fr' ? frenchTypography(template) : template, { ...(issue.params ?? {}), field: label || SENTINEL });
      // Without a label the sentence stands alone: its leading "{field}: " goes, and it starts with a capital.
      const bare = raw.replace(new RegExp(`^${SENTINEL}\\s*:\\s*`), '');
      const text = bare === raw ? raw : bare.charAt(0).toUpperCase() + bare.slice(1);
      return { text: text.replaceAll(SENTINEL, '') };
    }
  }
  // No code this UI knows (a payload from an older or newer core): English shows the core's words, the
  // other languages a generic sentence with those words under "technical details".
  const message = issue.message.replace(/^[\w.]+: /, '');
  if (lang === 'en') return { text: label ? `${label}: ${message}` : message };
  return { text: sentence(t, lang, errorCodeSentence[errorCode]), technical: issue.message };
}

/** The first sentence for a whole refusal (for a banner): its first issue, else its code. */
export function errorText(t: Translate, lang: Lang, error: ErrorPayload, label = ''): ErrorText {
  if (error.code === 'LOCKED_SESSION') return { text: sentence(t, lang, 'error.locked') };
  if (error.code === 'QUORUM_NOT_MET') return { text: sentence(t, lang, 'error.quorum') };
  const issue = error.issues?.[0] ?? { field: error.field, message: error.message };
  return issueText(t, lang, issue, label, error.code);
}
