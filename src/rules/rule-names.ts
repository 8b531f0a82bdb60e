// The names of the quorum and majority rules, without zod: the settings schema builds its enums from
// these, and the UI lists them in its pickers without pulling zod into the renderer's bundle.

/** Quorum rules; their exact definitions are in rules/quorum.ts. */
export const quorumRuleNames = ['two_thirds_of_members', 'absolute_majority_of_members', 'none'] as const;

/** Majority rules; their exact definitions are in rules/majority.ts. */
export const majorityRuleNames = [
  'simple_majority_of_votes_cast',
  'absolute_majority_of_members',
  'two_thirds_present_and_voting',
  'two_thirds_of_members',
  'unanimity_of_present',
] as const;
