// Views returned by the decision services.

export interface LocalizedText {
  ar: string;
  /** '' means not yet translated. */
  en: string;
  fr: string;
}

export interface Decision {
  id: string;
  sessionId: string;
  agendaItemId: string;
  motionId: string | null;
  sittingId: string | null;
  /** 1, 2, 3... within the session, given on adoption and never reused. */
  serial: number;
  /** Rendered on adoption from the organisation's pattern, e.g. ق.م.ت/66/3, EC/66/3, CE/66/3; never changed. */
  number: LocalizedText;
  text: LocalizedText;
  adoptedAt: string;
  adoptedBy: 'consensus' | 'vote';
  createdAt: string;
}
