// Who may speak as what in the notes: shared by the notes service (live entry) and the record invariants.

export type SpeakerKind = 'delegation' | 'observer' | 'chair' | 'secretariat';
export type DelegationKind = 'member' | 'observer' | 'secretariat';

/** Which kinds of delegation may speak as each kind of speaker, and whether one must be named. */
export const speakerDelegation: Record<SpeakerKind, { kinds: DelegationKind[]; required: boolean }> = {
  delegation: { kinds: ['member'], required: true },
  observer: { kinds: ['observer'], required: true },
  chair: { kinds: ['member'], required: false },
  secretariat: { kinds: ['secretariat'], required: false },
};

/** Why a speaker of `kind` cannot be attached to a delegation of `delegationKind` (null: none named), or null. */
export function speakerProblem(kind: SpeakerKind, delegationKind: DelegationKind | null): string | null {
  const rule = speakerDelegation[kind];
  if (delegationKind === null) return rule.required ? `a speaker of kind ${kind} needs a delegation` : null;
  return rule.kinds.includes(delegationKind) ? null : `a ${delegationKind} delegation cannot speak as ${kind}`;
}
