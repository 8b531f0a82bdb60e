// The PDF of the signed minutes, printed by Electron's own Chromium: the minutes' HTML (self-contained,
// images as data: URIs) loaded into a hidden window that has no preload, no JavaScript and the same
// sandbox as the main window, then webContents.printToPDF. The window is destroyed whatever happens.
import type { PrintToPdf } from '../src/seal/pdf';
import type { PreventableEvent, WindowOpenDetails, WindowOpenResponse } from './electron-types';

export interface PrintWindowOptions {
  show: false;
  width: number;
  height: number;
  webPreferences: {
    sandbox: true;
    contextIsolation: true;
    nodeIntegration: false;
    javascript: false;
    webSecurity: true;
    webviewTag: false;
    devTools: false;
    spellcheck: false;
  };
}

export interface PrintWindowLike {
  readonly webContents: {
    loadURL(url: string): Promise<void>;
    printToPDF(options: { pageSize: 'A4'; printBackground: boolean }): Promise<Uint8Array>;
    on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
    setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void;
  };
  destroy(): void;
}

export const printWindowOptions: PrintWindowOptions = {
  show: false,
  width: 794, // A4 at 96 dpi, so the layout is the page's
  height: 1123,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    webviewTag: false,
    devTools: false,
    spellcheck: false,
  },
};

/** A printer for src/seal/pdf.ts, made from a window factory (`(o) => new BrowserWindow(o)`). */
export function createPdfPrinter(createPrintWindow: (options: PrintWindowOptions) => PrintWindowLike): PrintToPdf {
  return async (html) => {
    const win = createPrintWindow(printWindowOptions);
    try {
      // Nothing in the page may take it elsewhere (it has no script; links and forms are refused too).
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      await win.webContents.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    } finally {
      win.destroy();
    }
  };
}
