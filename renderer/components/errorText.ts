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
  if (/ISO-8601|an instant like/.test(message)) return t('error.instant');
  if (/expected one of/i.test(message)) return t('error.choice');
  return null;
}

export interface ErrorText {
  text: string;
  /** The core's own words, when the sentence above had to be generic. */
  technical?: string;
}

export function issueText(t: Translate, lang: Lang, issue: FieldIssue, label = '', errorCode: ErrorPayload['code'] = 'VALIDATION'): ErrorText {
  if (issue.code) {
    const raw = t(`issue.${issue.code}` as MessageKey, { ...(issue.params ?? {}), field: label || SENTINEL });
    return { text: raw.replace(new RegExp(`^${SENTINEL}\\s*:\\s*`), '').replaceAll(SENTINEL, '') };
  }
  const message = issue.message.replace(/^[\w.]+: /, '');
  const known = fromMessage(t, message);
  if (known) return { text: label ? `${label}${lang === 'fr' ? '\u00a0: ' : ': '}${known}` : known };
  if (lang === 'en') return { text: label ? `${label}: ${message}` : message };
  return { text: t(`error.code.${errorCode}` as MessageKey), technical: issue.message };
}

/** The first sentence for a whole refusal (for a banner): its first issue, else its code. */
export function errorText(t: Translate, lang: Lang, error: ErrorPayload, label = ''): ErrorText {
  if (error.code === 'LOCKED_SESSION') return { text: t('error.locked') };
  if (error.code === 'QUORUM_NOT_MET') return { text: t('error.quorum') };
  const issue = error.issues?.[0] ?? { field: error.field, message: error.message };
  return issueText(t, lang, issue, label, error.code);
}
