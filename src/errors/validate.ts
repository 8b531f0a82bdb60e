import type { z } from 'zod';
import { findTextProblem } from '../rules/text';
import { ValidationError, type CodedIssue, type IssueCode } from './index';
import { issueCodeOf } from './issue-code';

/** The rule names the schemas' refinements give (params.rule), as issue codes. */
const ruleCodes: Record<string, IssueCode> = {
  'text.lone_surrogate': 'text_lone_surrogate',
  'text.control_character': 'text_control_character',
  instant: 'invalid_instant',
  date: 'invalid_date',
};

const join = (parts: (string | number)[]) => parts.map(String).filter(Boolean).join('.');

/**
 * Parse input with a zod schema; a failure becomes a ValidationError naming the first bad field (an unknown
 * key is named itself; a refusal of the whole input is named `input`, never ''). What the schema lets
 * through must also obey the text rule (rules/text.ts) in every string, whichever field it is in.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    const text = findTextProblem(result.data, prefix ? [prefix] : []);
    if (text) {
      const field = text.field || prefix || 'input';
      throw new ValidationError(field, `${field}: ${text.message}`, `text_${text.problem}` as const);
    }
    return result.data;
  }
  const issues: CodedIssue[] = result.error.issues.flatMap((issue): CodedIssue[] => {
    const path = [prefix, ...issue.path.map(String)];
    const coded = issueCodeOf(issue as Parameters<typeof issueCodeOf>[0]);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: join([...path, key]),
        message: 'unknown field (not part of this input; a typo?)',
        code: 'unknown_key' as const,
        params: { keys: key },
      }));
    }
    // A refinement that names its rule (rules/text-schema.ts, bundle/schema.ts) says it more precisely.
    const params = (issue as { params?: { rule?: unknown } }).params;
    const rule = typeof params?.rule === 'string' ? ruleCodes[params.rule] : undefined;
    return [{ field: join(path) || 'input', message: issue.message, ...coded, ...(rule ? { code: rule } : {}) }];
  });
  const first = issues[0] ?? { field: prefix || 'input', message: 'invalid input', code: 'invalid' as const };
  throw new ValidationError(first.field, `${first.field}: ${first.message}`, issues);
}
