// The machine code of a schema issue (zod), so the UI can say it in its own language instead of showing
// zod's English ("Too big: expected string to have <=500 characters"). Pure: no Node, no DOM.
import type { IssueCode } from './index';

interface ZodIssueLike {
  code: string;
  message: string;
  input?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  origin?: string;
  keys?: string[];
  format?: string;
}

/** Messages the schemas give their own refinements, mapped to the code that says the same. */
const byMessage: [RegExp, IssueCode][] = [
  [/^required$/, 'required'],
  [/YYYY-MM-DD|not a real date/, 'invalid_date'],
  [/ISO-8601|an instant like|not an instant/, 'invalid_instant'],
  [/IANA time zone/, 'invalid_time_zone'],
  [/before the start date/, 'before_start_date'],
  [/must contain \{serial\}/, 'missing_serial'],
];

export function issueCodeOf(issue: ZodIssueLike): { code: IssueCode; params?: Record<string, string | number> } {
  for (const [re, code] of byMessage) if (re.test(issue.message)) return { code };
  const num = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : 0);
  switch (issue.code) {
    case 'invalid_type':
      // zod does not report the input by default; its message says when nothing was given.
      return { code: /received undefined/.test(issue.message) || ('input' in issue && issue.input === undefined) ? 'required' : 'invalid_type' };
    case 'too_big':
      return { code: 'too_big', params: { max: num(issue.maximum) } };
    case 'too_small':
      // An empty text where one character is the least: the user left it blank.
      if (issue.origin === 'string' && num(issue.minimum) === 1) return { code: 'required' };
      return { code: 'too_small', params: { min: num(issue.minimum) } };
    case 'invalid_value':
      return { code: 'invalid_choice' };
    case 'invalid_format':
      return { code: 'invalid_format' };
    case 'unrecognized_keys':
      return { code: 'unknown_key', params: { keys: (issue.keys ?? []).join(', ') } };
    default:
      return { code: 'invalid' };
  }
}
