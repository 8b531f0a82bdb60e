// Views of signatories (pure).
export interface SignatoryView {
  id: string;
  sessionId: string;
  roleKey: string;
  position: number;
  fullName: string;
  /** The name's English and French forms (migration 0020, set through the translations): '' or absent when none. */
  fullNameEn?: string;
  fullNameFr?: string;
  titleAr: string;
  titleEn: string;
  titleFr: string;
  signature: { attachmentId: string; mime: string; sha256: string; byteSize: number } | null;
}
