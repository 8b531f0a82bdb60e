// Views returned by the notes services.
export type SpeakerKind = 'delegation' | 'observer' | 'chair' | 'secretariat';

export interface Note {
  id: string;
  sessionId: string;
  agendaItemId: string;
  at: string;
  speakerKind: SpeakerKind;
  speakerDelegationId: string | null;
  speakerName: string;
  text: string;
  language: 'ar' | 'en' | 'fr';
}
