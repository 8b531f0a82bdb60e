import { z } from 'zod';
import { calendarDateSchema } from '../sessions/schema';

const name = z.string().trim().min(1, 'required').max(200);
const title = z.string().trim().max(300).default('');
const localized = z.object({ ar: name, en: name, fr: name }).strict();
/** Who issued a delegation's credentials (a ministry, an authority), as written on them; '' = not stated. */
export const credentialsIssuedBySchema = z.string().trim().max(300);

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
    credentialsIssuedBy: credentialsIssuedBySchema.optional(),
    delegates: memberDelegatesSchema,
  })
  .strict();

export const createObserverDelegationSchema = z
  .object({
    sessionId: z.string().min(1),
    name: localized,
    credentialsReceivedOn: calendarDateSchema.nullable().optional(),
    credentialsIssuedBy: credentialsIssuedBySchema.optional(),
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
  .object({
    delegationId: z.string().min(1),
    credentialsReceivedOn: calendarDateSchema.nullable(),
    /** Left out: kept as it is (cleared with the date). */
    credentialsIssuedBy: credentialsIssuedBySchema.optional(),
  })
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

/** An observer's or the secretariat's name in the three languages (a member delegation bears its state's). */
export const renameDelegationSchema = z.object({ id: z.string().min(1), name: localized }).strict();

const delegateRole = z.enum(['head', 'member', 'adviser', 'representative', 'staff']);

/**
 * One person added to a delegation, at the end (the head first). The role is the member delegation's
 * head, member or adviser ('member' when left out); observers have representatives, the secretariat staff.
 */
export const addDelegateSchema = z
  .object({ delegationId: z.string().min(1), fullName: name, title, role: delegateRole.optional() })
  .strict();
/** Fields left out keep their values. Making someone the head makes the head before them a member. */
export const updateDelegateSchema = z
  .object({ id: z.string().min(1), fullName: name.optional(), title: z.string().trim().max(300).optional(), role: delegateRole.optional() })
  .strict();
export const delegateIdSchema = z.object({ id: z.string().min(1) }).strict();
/** Move a person to a place in the list (1 = first); a member delegation's head stays first. */
export const moveDelegateSchema = z.object({ id: z.string().min(1), position: z.number().int().min(1).max(200) }).strict();

/** Every active member state without a delegation in the session gets one, with nobody in it yet (issue 11). */
export const addAllMemberDelegationsSchema = z.object({ sessionId: z.string().min(1) }).strict();
