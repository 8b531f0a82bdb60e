// Views of signatories (pure).
export interface SignatoryView {
  id: string;
  sessionId: string;
  roleKey: string;
  position: number;
  fullName: string;
  titleAr: string;
  titleEn: string;
  titleFr: string;
  signature: { attachmentId: string; mime: string; sha256: string; byteSize: number } | null;
}
