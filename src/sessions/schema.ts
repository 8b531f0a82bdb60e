import { z } from 'zod';
import { isTimeZone } from '../rules/time-zone';
import { languageSchema, majorityRuleSchema, quorumRuleSchema } from '../settings/schema';

const text = (max: number) => z.string().trim().min(1, 'required').max(max);
const localized = z.object({ ar: text(200), en: text(200), fr: text(200) }).strict();

/** A calendar date YYYY-MM-DD that exists, in the years 1900..2200. */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real date')
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= 1900 && y <= 2200;
  }, 'year out of range 1900..2200');

/** The venue's IANA time zone ('Asia/Baghdad'); '' clears it (not known). */
export const timeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine((v) => v === '' || isTimeZone(v), 'not an IANA time zone');

export const sessionKindSchema = z.enum(['ordinary', 'extraordinary']);
export const sessionStatusSchema = z.enum(['planned', 'in_progress', 'closed']);

export const venueSchema = z.object({ city: localized, country: localized }).strict();

const languagesSchema = z
  .array(languageSchema)
  .min(1)
  .max(3)
  .refine((l) => new Set(l).size === l.length, 'each language once');

const sessionFields = {
  kind: sessionKindSchema,
  number: z.number().int().min(1).max(999),
  venue: venueSchema,
  startDate: calendarDateSchema,
  endDate: calendarDateSchema,
  languages: languagesSchema.optional(),
  chairStateId: z.string().min(1).nullable().optional(),
  rapporteurStateId: z.string().min(1).nullable().optional(),
  quorumRule: quorumRuleSchema.optional(),
  defaultMajorityRule: majorityRuleSchema.optional(),
  chairCastingVote: z.boolean().optional(),
  allowInquorateVotes: z.boolean().optional(),
  timeZone: timeZoneSchema.optional(),
};

export const createSessionSchema = z.object(sessionFields).strict();

export const updateSessionSchema = z
  .object({
    id: z.string().min(1),
    kind: sessionFields.kind.optional(),
    number: sessionFields.number.optional(),
    venue: venueSchema.optional(),
    startDate: calendarDateSchema.optional(),
    endDate: calendarDateSchema.optional(),
    languages: languagesSchema.optional(),
    chairStateId: sessionFields.chairStateId,
    rapporteurStateId: sessionFields.rapporteurStateId,
    quorumRule: sessionFields.quorumRule,
    defaultMajorityRule: sessionFields.defaultMajorityRule,
    chairCastingVote: sessionFields.chairCastingVote,
    allowInquorateVotes: sessionFields.allowInquorateVotes,
    timeZone: sessionFields.timeZone,
  })
  .strict();

export const sessionIdSchema = z.object({ id: z.string().min(1) }).strict();
export const setSessionStatusSchema = z.object({ id: z.string().min(1), status: sessionStatusSchema }).strict();
export const listSessionsSchema = z.object({}).strict().default({});
