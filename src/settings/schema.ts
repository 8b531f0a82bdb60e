// Organisation settings: everything about the council that no source fixes, with defaults fitting
// AIDSMO's Executive Council. Stored as one JSON document (setting key 'organisation'), all editable.
import { z } from 'zod';
import { majorityRuleNames, quorumRuleNames } from '../rules/rule-names';
import { SEALABLE_DOCUMENT_KINDS } from '../documents/seal-schema';

export const languageSchema = z.enum(['ar', 'en', 'fr']);
export type Language = z.infer<typeof languageSchema>;

/** Quorum rules; their exact definitions are in rules/quorum.ts. */
export const quorumRuleSchema = z.enum(quorumRuleNames);
export type QuorumRule = z.infer<typeof quorumRuleSchema>;

/** Majority rules; their exact definitions are in rules/majority.ts. */
export const majorityRuleSchema = z.enum(majorityRuleNames);
export type MajorityRule = z.infer<typeof majorityRuleSchema>;

const nonEmpty = (max: number) => z.string().trim().min(1, 'required').max(max);
const localized = (max: number) => z.object({ ar: nonEmpty(max), en: nonEmpty(max), fr: nonEmpty(max) }).strict();

export const signatoryRoleSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'),
  title: localized(200),
  /** Who holds the role (the Director-General's name, say), printed under the signature; the chair's and the
   * rapporteur's come from the session's record. */
  name: z.string().trim().max(200).optional(),
}).strict();
export type SignatoryRole = z.infer<typeof signatoryRoleSchema>;

/**
 * Decision-number patterns, one per language. Placeholders: {council} (the council's abbreviation in that
 * language), {session} (the session's number), {serial} (the decision's serial within the session),
 * {year} (the session's start year), {kind} (ordinary/extraordinary mark in that language), {extraordinary}
 * (an extraordinary session's mark and a slash, nothing for an ordinary session).
 */
export const decisionNumberPatternSchema = z
  .object({ ar: nonEmpty(100), en: nonEmpty(100), fr: nonEmpty(100) })
  .strict()
  // Named per language, so the form shows the refusal under the pattern that lacks it.
  .superRefine((p, ctx) => {
    for (const l of ['ar', 'en', 'fr'] as const) {
      if (!p[l].includes('{serial}')) ctx.addIssue({ code: 'custom', path: [l], message: 'each pattern must contain {serial}' });
    }
  });

const seconds = z.number().int().min(0, 'at least 0 (no limit)').max(7200, 'at most 7200 (two hours)');
export const speakingTimeSchema = z.object({ delegation: seconds, observer: seconds, secretariat: seconds, director_general: seconds }).strict();
export type SpeakingTime = z.infer<typeof speakingTimeSchema>;

export const organisationSettingsSchema = z.object({
  name: localized(300),
  councilName: localized(200),
  /** Abbreviation of the council used in decision numbers (ق.م.ت in Arabic). */
  councilAbbreviation: localized(30),
  /** PNG or JPEG as base64, shown in the minutes' header; null for none. */
  logoBase64: z.string().max(4_000_000).nullable(),
  defaultLanguage: languageSchema,
  languages: z.array(languageSchema).min(1).max(3),
  defaultQuorumRule: quorumRuleSchema,
  defaultMajorityRule: majorityRuleSchema,
  chairCastingVote: z.boolean(),
  allowInquorateVotes: z.boolean(),
  decisionNumberPattern: decisionNumberPatternSchema,
  signatoryRoles: z.array(signatoryRoleSchema).min(1).max(6),
  digits: z.enum(['western', 'arabic-indic']),
  arabicFont: nonEmpty(100),
  latinFont: nonEmpty(100),
  /** The secretary using this laptop: written into the audit trail. */
  secretaryName: nonEmpty(200),
  backupsToKeep: z.number().int().min(1).max(365),
  /** Speaking time per kind of speaker, in seconds (0 = no limit): the timer "give the floor" starts. */
  speakingTimeSeconds: speakingTimeSchema,
  /**
   * The generated session documents that go through approval and seal like the minutes (none by default):
   * the decisions and the follow-up report once the minutes are approved, the others as issued.
   */
  sealedDocuments: z.array(z.enum(SEALABLE_DOCUMENT_KINDS)).max(SEALABLE_DOCUMENT_KINDS.length),
});
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;

export const defaultOrganisationSettings: OrganisationSettings = {
  name: {
    ar: 'المنظمة العربية للتنمية الصناعية والتقييس والتعدين',
    en: 'Arab Industrial Development, Standardization and Mining Organization',
    fr: "Organisation arabe pour le développement industriel, la normalisation et l'exploitation minière",
  },
  councilName: { ar: 'المجلس التنفيذي', en: 'Executive Council', fr: 'Conseil exécutif' },
  councilAbbreviation: { ar: 'ق.م.ت', en: 'EC', fr: 'CE' },
  logoBase64: null,
  defaultLanguage: 'ar',
  languages: ['ar', 'en', 'fr'],
  defaultQuorumRule: 'two_thirds_of_members',
  defaultMajorityRule: 'simple_majority_of_votes_cast',
  chairCastingVote: false,
  allowInquorateVotes: false,
  // {extraordinary}: 'د.غ.ع/' / 'EX/' in an extraordinary session's numbers, nothing in an ordinary one's.
  decisionNumberPattern: {
    ar: '{council}/{extraordinary}{session}/{serial}',
    en: '{council}/{extraordinary}{session}/{serial}',
    fr: '{council}/{extraordinary}{session}/{serial}',
  },
  signatoryRoles: [
    { key: 'chair', title: { ar: 'رئيس المجلس التنفيذي', en: 'Chair of the Executive Council', fr: 'Président du Conseil exécutif' } },
    {
      key: 'director_general',
      title: { ar: 'المدير العام، أمين المجلس', en: 'Director-General, Secretary of the Council', fr: 'Directeur général, Secrétaire du Conseil' },
    },
  ],
  digits: 'western',
  // Amiri (SIL OFL) is embedded in the Word minutes, so every reader sees it (src/minutes/docx-fonts.ts).
  arabicFont: 'Amiri',
  latinFont: 'Times New Roman',
  secretaryName: 'الأمانة العامة',
  backupsToKeep: 10,
  speakingTimeSeconds: { delegation: 300, observer: 180, secretariat: 600, director_general: 900 },
  sealedDocuments: [],
};

/** A partial update: any subset of fields; nested objects replaced whole. */
export const organisationSettingsPatchSchema = organisationSettingsSchema.partial().strict();
