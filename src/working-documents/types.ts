// The views of the working documents (pure).

export type WorkingDocumentMime =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface WorkingDocument {
  id: string;
  sessionId: string;
  agendaItemId: string;
  symbol: string;
  language: 'ar' | 'en' | 'fr';
  version: number;
  title: string;
  mime: WorkingDocumentMime;
  fileName: string;
  byteSize: number;
  sha256: string;
  createdAt: string;
}

/** The file types a working document may be, and the extension each is saved with. */
export const WORKING_DOCUMENT_TYPES: Record<WorkingDocumentMime, 'pdf' | 'docx' | 'xlsx'> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** At most 30 MB a file: the database and the session .zip carry every byte. */
export const WORKING_DOCUMENT_MAX_BYTES = 30_000_000;
