// The text rule (rules/text.ts) as a zod refinement, for every text field of every schema: API inputs and
// the session bundle alike. (errors/validate.ts also applies it to whatever a schema let through, so a text
// field that was declared without it is still covered.)
import { z } from 'zod';
import { textProblem, textProblemMessage } from './text';

export function refineText(value: string, ctx: z.RefinementCtx): void {
  const p = textProblem(value);
  if (p) ctx.addIssue({ code: 'custom', message: textProblemMessage(p), params: { rule: `text.${p.problem}` } });
}

/** A string that obeys the text rule. */
export const safeText = () => z.string().superRefine(refineText);
