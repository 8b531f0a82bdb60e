// The one file that imports Electron at run time: it hands the real objects to startApp (main/app.ts).
// Bundled to dist/main/electron-main.cjs (package.json "main"); never loaded by tests.
import path from 'node:path';
import { app, BrowserWindow, crashReporter, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { createDispatcher } from '../src/api/dispatch';
import { openCouncil } from '../src/core/council';
import { createMinutesRenderer } from '../src/minutes/worker-pool';
import { startApp } from './app';

// dist/main/electron-main.cjs → dist/renderer, dist/main/preload.cjs and dist/main/minutes-worker.cjs
// (inside app.asar when packaged).
const here = __dirname;

startApp<BrowserWindow>(
  {
    app,
    protocol,
    session,
    ipcMain,
    screen,
    shell,
    dialog,
    crashReporter,
    setMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
    popupMenu: (template, window) => Menu.buildFromTemplate(template).popup({ window }),
    createWindow: (options) => new BrowserWindow(options),
    createPrintWindow: (options) => new BrowserWindow(options),
  },
  {
    env: process.env,
    platform: process.platform,
    rendererDir: path.join(here, '..', 'renderer'),
    preloadPath: path.join(here, 'preload.cjs'),
    openCouncil,
    createDispatcher,
    createMinutesRenderer: (databasePath) => createMinutesRenderer(databasePath, { file: path.join(here, 'minutes-worker.cjs') }),
  },
).catch((err: unknown) => {
  dialog.showErrorBox('Council Minutes', err instanceof Error ? (err.stack ?? err.message) : String(err));
  app.exit(1);
});
