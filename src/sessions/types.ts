import type { SessionPhase } from './phase';
import type { SealImportReason } from '../errors';
import type { Language, MajorityRule, QuorumRule } from '../settings/schema';

export interface LocalizedText {
  ar: string;
  en: string;
  fr: string;
}

export interface CouncilSession {
  id: string;
  kind: 'ordinary' | 'extraordinary';
  number: number;
  title: LocalizedText;
  venue: { city: LocalizedText; country: LocalizedText };
  startDate: string;
  endDate: string;
  languages: Language[];
  chairStateId: string | null;
  rapporteurStateId: string | null;
  status: 'planned' | 'in_progress' | 'closed';
  memberCount: number;
  quorumRule: QuorumRule;
  defaultMajorityRule: MajorityRule;
  chairCastingVote: boolean;
  allowInquorateVotes: boolean;
  lockedAt: string | null;
  /**
   * Imported from a .zip that said the session was locked, but whose seal did not verify (migration 0012):
   * imported unlocked on request, and marked wherever the session is shown. Set by get and list.
   */
  unverifiedCopy?: { reason: SealImportReason; detail: string; claimedLockedAt: string | null; importedAt: string } | null;
  /** What the record says of the session now (phase.ts): set by create, get and list. */
  phase?: SessionPhase;
  /** The venue's IANA time zone; '' when not known. */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}
