// Inputs of the motions services: draft resolutions and their amendments.
import { z } from 'zod';
import { majorityRuleSchema } from '../settings/schema';
import { instantSchema } from '../sittings/schema';
import { referralBodies, referralBodyProblem } from '../rules/referral-body';

const id = z.string().min(1, 'required');

/** Arabic required; English and French may be '' meaning "not yet translated". */
export const motionTextSchema = z
  .object({
    ar: z.string().trim().min(1, 'required').max(50_000),
    en: z.string().trim().max(50_000).default(''),
    fr: z.string().trim().max(50_000).default(''),
  })
  .strict();

export const proposeMotionSchema = z
  .object({
    agendaItemId: id,
    /** Set for an amendment: the motion (or amendment) it amends, on the same agenda item. */
    parentMotionId: id.nullable().default(null),
    text: motionTextSchema,
    /** Null (the session's secretariat or chair) or a delegation of the same session. */
    proposerDelegationId: id.nullable().default(null),
    /** Null: the session's default rule. */
    majorityRule: majorityRuleSchema.nullable().default(null),
  })
  .strict();

export const updateMotionSchema = z
  .object({
    id,
    text: motionTextSchema.optional(),
    proposerDelegationId: id.nullable().optional(),
    majorityRule: majorityRuleSchema.nullable().optional(),
  })
  .strict();

/** Consensus, withdrawal, deferral, referral: the motion and when (now when left out). */
export const motionActionSchema = z.object({ id, at: instantSchema.optional() }).strict();
export const motionIdSchema = z.object({ id }).strict();

/**
 * Referral: the motion, the body it is referred to (the choices of a decision's referral) and its name,
 * required for 'other' (src/rules/referral-body.ts, the one rule), and when (now when left out).
 */
export const referMotionSchema = z
  .object({ id, at: instantSchema.optional(), body: z.enum(referralBodies), bodyName: z.string().trim().max(300).default('') })
  .strict()
  .superRefine((v, ctx) => {
    if (referralBodyProblem(v.body, v.bodyName)) ctx.addIssue({ code: 'custom', path: ['bodyName'], message: 'required' });
  });

export const listMotionsSchema = z
  .object({ sessionId: id.optional(), agendaItemId: id.optional() })
  .strict()
  .refine((v) => (v.sessionId === undefined) !== (v.agendaItemId === undefined), {
    message: 'give sessionId or agendaItemId, not both',
    path: ['sessionId'],
  });

/**
 * The motion's text as amended, once an amendment to it was adopted (issue 9): every language may be '',
 * and all three '' clear it. Arabic is given whenever another language is (as for the motion's own text).
 */
export const consolidatedTextSchema = z
  .object({
    id,
    text: z
      .object({
        ar: z.string().trim().max(50_000).default(''),
        en: z.string().trim().max(50_000).default(''),
        fr: z.string().trim().max(50_000).default(''),
      })
      .strict()
      .refine((t) => t.ar !== '' || (t.en === '' && t.fr === ''), { message: 'required', path: ['ar'] }),
  })
  .strict();
