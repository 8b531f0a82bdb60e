export type DelegateRole = 'head' | 'member' | 'adviser' | 'representative' | 'staff';

export interface Delegate {
  id: string;
  fullName: string;
  title: string;
  role: DelegateRole;
  position: number;
}

export interface Delegation {
  id: string;
  sessionId: string;
  kind: 'member' | 'observer' | 'secretariat';
  /** Member delegations only. */
  memberStateId: string | null;
  isoCode: string | null;
  /** The state's protocol order for member delegations; null for others. */
  protocolOrder: number | null;
  name: { ar: string; en: string; fr: string };
  credentialsReceivedOn: string | null;
  /** Who issued the credentials, as written on them; '' = not stated. */
  credentialsIssuedBy: string;
  /** Head first, then members and advisers as entered. */
  delegates: Delegate[];
}

/** Who headed a delegation at one sitting, when not its usual head (migration 0008). */
export interface SittingHead {
  id: string;
  sittingId: string;
  delegationId: string;
  fullName: string;
  title: string;
}
