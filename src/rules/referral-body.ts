// The body a matter is referred to: a decision's referral (src/referrals) and a referred motion (migration
// 0019) offer the same choices and obey this one rule, which the schemas, the services and the record's
// invariants (import, `council check`) all call. Pure.

export const referralBodies = ['general_assembly', 'ministerial_council', 'other'] as const;
export type ReferralBody = (typeof referralBodies)[number];

/** What is wrong with a body and its name, or null: 'other' needs its name (the two named bodies may add one). */
export function referralBodyProblem(body: string, name: string): string | null {
  if (body === 'other' && name.trim() === '') return "required when the body is 'other'";
  return null;
}
