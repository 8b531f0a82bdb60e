import { z } from 'zod';
import { calendarDateSchema } from '../sessions/schema';

const name = z.string().trim().min(1, 'required').max(200);
const title = z.string().trim().max(300).default('');
const localized = z.object({ ar: name, en: name, fr: name }).strict();

export const memberDelegateSchema = z
  .object({ fullName: name, title, role: z.enum(['head', 'member', 'adviser']) })
  .strict();
export const personSchema = z.object({ fullName: name, title }).strict();

/** A member delegation's people: exactly one head of delegation. */
export const memberDelegatesSchema = z
  .array(memberDelegateSchema)
  .min(1, 'at least the head of delegation')
  .max(50)
  .refine((list) => list.filter((d) => d.role === 'head').length === 1, 'exactly one head of delegation');

export const createMemberDelegationSchema = z
  .object({
    sessionId: z.string().min(1),
    memberStateId: z.string().min(1),
    credentialsReceivedOn: calendarDateSchema.nullable().optional(),
    delegates: memberDelegatesSchema,
  })
  .strict();

export const createObserverDelegationSchema = z
  .object({
    sessionId: z.string().min(1),
    name: localized,
    credentialsReceivedOn: calendarDateSchema.nullable().optional(),
    representatives: z.array(personSchema).max(50).default([]),
  })
  .strict();

/** The secretariat's name defaults to the organisation's name in settings. */
export const createSecretariatDelegationSchema = z
  .object({
    sessionId: z.string().min(1),
    name: localized.optional(),
    staff: z.array(personSchema).max(100).default([]),
  })
  .strict();

/** Replace a delegation's people. Members use `delegates`; observers and the secretariat use `people`. */
export const setMemberDelegatesSchema = z.object({ delegationId: z.string().min(1), delegates: memberDelegatesSchema }).strict();
export const setPeopleSchema = z.object({ delegationId: z.string().min(1), people: z.array(personSchema).max(100) }).strict();

export const setCredentialsSchema = z
  .object({ delegationId: z.string().min(1), credentialsReceivedOn: calendarDateSchema.nullable() })
  .strict();

export const delegationIdSchema = z.object({ id: z.string().min(1) }).strict();
export const listDelegationsSchema = z
  .object({ sessionId: z.string().min(1), kind: z.enum(['member', 'observer', 'secretariat']).optional() })
  .strict();

/**
 * The head of a member delegation at one sitting, when it is not its usual head (the one with role
 * 'head'). `fullName: null` removes the exception: the usual head leads again at that sitting.
 */
export const setSittingHeadSchema = z
  .object({ sittingId: z.string().min(1), delegationId: z.string().min(1), fullName: name.nullable(), title })
  .strict();
export const listSittingHeadsSchema = z.object({ sessionId: z.string().min(1) }).strict();
