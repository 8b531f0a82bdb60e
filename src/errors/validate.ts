import type { z } from 'zod';
import { findTextProblem } from '../rules/text';
import { ValidationError, type FieldIssue } from './index';
import { issueCodeOf } from './issue-code';

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
      throw new ValidationError(field, `${field}: ${text.message}`, [{ field, message: text.message, rule: `text.${text.problem}` }]);
    }
    return result.data;
  }
  const issues: FieldIssue[] = result.error.issues.flatMap((issue): FieldIssue[] => {
    const path = [prefix, ...issue.path.map(String)];
    const coded = issueCodeOf(issue as Parameters<typeof issueCodeOf>[0]);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: join([...path, key]),
        message: 'unknown field (not part of this input; a typo?)',
        rule: 'unknown_key',
        code: 'unknown_key' as const,
        params: { keys: key },
      }));
    }
    const params = (issue as { params?: { rule?: unknown } }).params;
    const rule = typeof params?.rule === 'string' ? params.rule : undefined;
    return [{ field: join(path) || 'input', message: issue.message, ...(rule ? { rule } : {}), ...coded }];
  });
  const first = issues[0] ?? { field: prefix || 'input', message: 'invalid input' };
  throw new ValidationError(first.field, `${first.field}: ${first.message}`, issues);
}
