// Views returned by the referral services.

export type ReferralBody = 'general_assembly' | 'ministerial_council' | 'other';

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
