// The one typed API between the UI and the core: for each call, its input schema (zod) and its output
// type. main/ (IPC), the browser host (HTTP on loopback) and the renderer all use this file; it is pure
// (no node:*), so the renderer may import it.
import { z } from 'zod';
import { organisationSettingsPatchSchema, type OrganisationSettings } from '../settings/schema';
import type { ErrorPayload } from '../errors';

const empty = z.object({}).strict();

export const apiCalls = {
  'settings.get': { input: empty },
  'settings.update': { input: organisationSettingsPatchSchema },
} as const;

export interface ApiOutputs {
  'settings.get': OrganisationSettings;
  'settings.update': OrganisationSettings;
}

export type ApiCallName = keyof typeof apiCalls;
export type ApiInput<N extends ApiCallName> = z.input<(typeof apiCalls)[N]['input']>;
export type ApiOutput<N extends ApiCallName> = N extends keyof ApiOutputs ? ApiOutputs[N] : never;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** A generated file handed to the host to save (the .docx minutes, an export). */
export interface FileToSave {
  fileName: string;
  mimeType: string;
  base64: string;
}
/** Where the host put it; saved false when the user cancelled the dialog. */
export interface SavedFile {
  saved: boolean;
  path?: string;
}

/**
 * The object the renderer holds (window.council in Electron, an HTTP client in the browser host).
 * Only `call` is required; the file helpers are optional so a host without them falls back to a
 * browser download (Electron's preload provides them: a save dialog, open, show in folder).
 */
export interface CouncilApi {
  call<N extends ApiCallName>(name: N, input: ApiInput<N>): Promise<ApiResult<ApiOutput<N>>>;
  saveFile?(file: FileToSave): Promise<SavedFile>;
  openPath?(path: string): Promise<void>;
  showInFolder?(path: string): Promise<void>;
}

export const apiCallNames = Object.keys(apiCalls) as ApiCallName[];
export function isApiCallName(name: unknown): name is ApiCallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiCalls, name);
}
