export interface Sitting {
  id: string;
  sessionId: string;
  /** 1, 2, 3... within the session, in order of creation. */
  number: number;
  startsAt: string;
  endsAt: string | null;
}
