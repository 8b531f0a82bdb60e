// Quorum: how many member states must be present for the council to deliberate and vote validly.
// `memberCount` is the number of member states of the session (fixed when the session is created), not
// the number that attended. Observers and the secretariat never count.
//
//   two_thirds_of_members         required = ceil(2 * members / 3)   (21 members → 14)
//   absolute_majority_of_members  required = floor(members / 2) + 1  (21 members → 11; 20 → 11)
//   none                          required = 0                        (always met)
//
// Quorum is met when present >= required.
import type { QuorumRule } from '../settings/schema';

export function quorumRequired(rule: QuorumRule, memberCount: number): number {
  if (!Number.isInteger(memberCount) || memberCount < 0) throw new RangeError(`memberCount must be a natural number: ${memberCount}`);
  switch (rule) {
    case 'two_thirds_of_members':
      // Integer arithmetic avoids 2*m/3 rounding surprises in floating point.
      return Math.floor((2 * memberCount + 2) / 3);
    case 'absolute_majority_of_members':
      return Math.floor(memberCount / 2) + 1;
    case 'none':
      return 0;
  }
}

export function quorumMet(rule: QuorumRule, memberCount: number, present: number): boolean {
  return present >= quorumRequired(rule, memberCount);
}

/** How each rule is stated in the minutes. */
export const quorumRuleWording: Record<QuorumRule, { ar: string; en: string; fr: string }> = {
  two_thirds_of_members: {
    ar: 'حضور ثلثي الدول الأعضاء',
    en: 'two-thirds of the member states present',
    fr: 'présence des deux tiers des États membres',
  },
  absolute_majority_of_members: {
    ar: 'حضور الأغلبية المطلقة للدول الأعضاء',
    en: 'an absolute majority of the member states present',
    fr: 'présence de la majorité absolue des États membres',
  },
  none: { ar: 'دون نصاب محدد', en: 'no quorum requirement', fr: 'sans exigence de quorum' },
};
