// Views returned by the motions services.
import type { MajorityRule } from '../settings/schema';
import type { ReferralBody } from '../rules/referral-body';

export type MotionStatus = 'proposed' | 'adopted' | 'rejected' | 'withdrawn' | 'deferred' | 'referred';

export interface Motion {
  id: string;
  sessionId: string;
  agendaItemId: string;
  /** Set for an amendment. */
  parentMotionId: string | null;
  text: { ar: string; en: string; fr: string };
  proposerDelegationId: string | null;
  status: MotionStatus;
  /** The rule declared for this motion, or null for the session's default. */
  majorityRule: MajorityRule | null;
  /** The rule a vote on it would use now: declared, else the session's default. */
  ruleInForce: MajorityRule;
  /** 'consensus' or 'vote' once adopted or rejected; null otherwise. */
  decidedBy: 'consensus' | 'vote' | null;
  /** When it left 'proposed' (decided, withdrawn, deferred or referred). */
  decidedAt: string | null;
  createdAt: string;
  /** The motion's text as amended, once one of its amendments was adopted (migration 0013); '' each when not recorded. */
  consolidatedText: { ar: string; en: string; fr: string };
  /** A referred motion's body (migration 0019): null when not referred, or referred before the body was recorded. */
  referral: { body: ReferralBody; bodyName: string } | null;
}
