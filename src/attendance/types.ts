export interface AttendanceEvent {
  id: string;
  sessionId: string;
  sittingId: string;
  delegationId: string;
  kind: 'arrival' | 'departure';
  at: string;
  recordedAt: string;
}

export interface Presence {
  sittingId: string;
  at: string;
  /** Every delegation present (members, observers, secretariat), sorted by id. */
  delegationIds: string[];
}
