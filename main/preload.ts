// The preload (sandboxed, bundled to dist/main/preload.cjs): exposes window.council and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeCouncil } from './preload/bridge';

exposeCouncil(contextBridge, ipcRenderer);
