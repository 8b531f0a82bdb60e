// Views of corrigenda (pure).
export interface CorrigendumView {
  id: string;
  sessionId: string;
  number: number;
  decisionId: string | null;
  textAr: string;
  textEn: string;
  textFr: string;
  reason: string;
  createdAt: string;
}
