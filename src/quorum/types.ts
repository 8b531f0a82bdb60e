import type { QuorumRule } from '../settings/schema';

export interface QuorumStatus {
  sittingId: string;
  at: string;
  /** Member delegations present (observers and the secretariat do not count). */
  present: number;
  required: number;
  met: boolean;
  rule: QuorumRule;
  /** The session's member count, fixed when it was created. */
  memberCount: number;
  /** The member states present, in protocol order. */
  presentStateIds: string[];
}
