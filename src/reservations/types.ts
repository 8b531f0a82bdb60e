// Views returned by the reservation services.

export interface Reservation {
  id: string;
  sessionId: string;
  decisionId: string;
  memberStateId: string;
  /** The state's names, for the minutes ("تحفظ وفد ..."). */
  state: { isoCode: string; ar: string; en: string; fr: string };
  text: string;
  recordedAt: string;
}
