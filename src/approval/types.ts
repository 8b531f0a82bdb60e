// Views returned by the approval steps (pure).
import type { MinutesStatus } from './transitions';

export interface MinutesVersionView {
  id: string;
  sessionId: string;
  version: number;
  language: string;
  status: MinutesStatus;
  corrigendaCount: number;
  note: string;
  createdAt: string;
  circulatedAt: string | null;
  approvedAt: string | null;
  approvedBySittingId: string | null;
  approvedAtSession: string | null;
  signedAt: string | null;
  docxSha256: string | null;
}

export interface SessionLockView {
  sessionId: string;
  lockedAt: string | null;
}

/** A file kept with a session (signature image, signed scan), without its bytes. */
export interface AttachmentView {
  id: string;
  sessionId: string | null;
  kind: 'logo' | 'signature' | 'scan';
  mime: 'image/png' | 'image/jpeg' | 'application/pdf';
  fileName: string;
  byteSize: number;
  sha256: string;
  createdAt: string;
}
