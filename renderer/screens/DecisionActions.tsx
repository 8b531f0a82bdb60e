import type { Decision } from '../../src/decisions/types';

/** Follow-up actions of a decision (wired when the actions service lands). */
export function DecisionActions(_props: { decision: Decision }) {
  return null;
}
