// The view of the organisation settings: the full document, defaults filled in.
export type { OrganisationSettings, Language, QuorumRule, MajorityRule, SignatoryRole } from './schema';
