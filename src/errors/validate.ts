import type { z } from 'zod';
import { ValidationError } from './index';
import { issueCodeOf } from './issue-code';

/** Parse input with a zod schema; a failure becomes a ValidationError naming the first bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
    ...issueCodeOf(issue as Parameters<typeof issueCodeOf>[0]),
  }));
  const first = issues[0] ?? { field: prefix, message: 'invalid input' };
  const where = first.field || 'input';
  throw new ValidationError(first.field, `${where}: ${first.message}`, issues);
}
