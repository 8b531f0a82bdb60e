// Inputs of the referral services (pure).
import { z } from 'zod';

const id = z.string().min(1, 'required');

export const referralBodySchema = z.enum(['general_assembly', 'ministerial_council', 'other']);

const fields = {
  body: referralBodySchema,
  /** The body's name: required for 'other'; for the two named bodies, an optional precision (which council). */
  bodyName: z.string().trim().max(300).default(''),
  note: z.string().trim().max(5_000).default(''),
};

function nameForOther(v: { body?: string; bodyName?: string }, ctx: z.RefinementCtx): void {
  if (v.body === 'other' && !v.bodyName) {
    ctx.addIssue({ code: 'custom', path: ['bodyName'], message: "required when the body is 'other'" });
  }
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
