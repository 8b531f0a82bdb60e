// Messages between the app and the minutes worker (src/minutes/worker-entry.ts). Pure types.
import type { FieldIssue } from '../errors';
import type { Language } from '../settings/schema';

export interface MinutesJob {
  id: number;
  format: 'docx' | 'html';
  sessionId: string;
  lang: Language;
  timeZone?: string;
}

export type MinutesJobResult =
  | { id: number; ok: true; format: 'docx'; bytes: Uint8Array; cached: boolean }
  | { id: number; ok: true; format: 'html'; html: string; cached: boolean }
  | { id: number; ok: false; error: { name: string; code?: string; field?: string; message: string; issues?: FieldIssue[] } };
