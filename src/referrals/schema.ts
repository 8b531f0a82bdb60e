// Inputs of the referral services (pure).
import { z } from 'zod';
import { referralBodies, referralBodyProblem } from '../rules/referral-body';

const id = z.string().min(1, 'required');

export const referralBodySchema = z.enum(referralBodies);

const fields = {
  body: referralBodySchema,
  /** The body's name: required for 'other'; for the two named bodies, an optional precision (which council). */
  bodyName: z.string().trim().max(300).default(''),
  note: z.string().trim().max(5_000).default(''),
};

function nameForOther(v: { body?: string; bodyName?: string }, ctx: z.RefinementCtx): void {
  // 'required': the UI says it under the name's field (errors/issue-code.ts); the rule is referralBodyProblem.
  if (v.body !== undefined && referralBodyProblem(v.body, v.bodyName ?? '')) ctx.addIssue({ code: 'custom', path: ['bodyName'], message: 'required' });
}

export const createReferralSchema = z.object({ decisionId: id, ...fields }).strict().superRefine(nameForOther);

/** Fields left out keep their values; the 'other'-needs-a-name rule is checked on the result. */
export const updateReferralSchema = z
  .object({
    id,
    body: fields.body.optional(),
    bodyName: z.string().trim().max(300).optional(),
    note: z.string().trim().max(5_000).optional(),
  })
  .strict();

export const referralIdSchema = z.object({ id }).strict();
export const listReferralsSchema = z
  .object({ decisionId: id.optional(), sessionId: id.optional() })
  .strict()
  .refine((v) => Boolean(v.decisionId) !== Boolean(v.sessionId), { message: 'give decisionId or sessionId', path: ['decisionId'] });
