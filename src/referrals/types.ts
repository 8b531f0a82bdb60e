// Views returned by the referral services.

import type { ReferralBody } from '../rules/referral-body';

export type { ReferralBody };

export interface Referral {
  id: string;
  sessionId: string;
  decisionId: string;
  body: ReferralBody;
  /** The body's name ('other'), or a precision for the two named bodies; '' when none. */
  bodyName: string;
  note: string;
  createdAt: string;
}
