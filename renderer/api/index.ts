// Picks the twin for the host we run in: Electron's preload defines window.council; otherwise we were
// served by the browser host. Screens import `api` from here and nothing else.
import { createElectronApi } from './index.electron';
import { createWebApi } from './index.web';
import type { RendererApi } from './types';

export const api: RendererApi = window.council ? createElectronApi(window.council) : createWebApi();
export type { RendererApi } from './types';
