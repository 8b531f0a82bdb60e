// When the window's page crashes, hangs or fails to load, the secretary sees a dialog in her language
// that says so and offers to reload (or wait, or quit), never a blank or frozen window. Each event is
// logged. Everything the app reported saved is already on disk (the core commits before answering), so
// reloading loses at most a form being typed.
import { APP_ENTRY_URL } from './origin';
import type { ShellLabels } from './labels';
import type { AppLog } from './log';

export interface MessageBoxOptionsLike {
  type: 'error' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

export interface RecoverableWindow {
  readonly webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
    on(
      event: 'did-fail-load',
      listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
    ): unknown;
    loadURL(url: string): Promise<void>;
  };
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  isDestroyed(): boolean;
  show(): void;
}

export interface RecoveryDeps<W extends RecoverableWindow> {
  win: W;
  dialog: { showMessageBox(win: W, options: MessageBoxOptionsLike): Promise<{ response: number }> };
  labels(): ShellLabels;
  log: AppLog;
  title: string;
  quit(): void;
}

/** Chromium's "aborted" (a navigation replaced by another): not a failure. */
const ERR_ABORTED = -3;

export function watchWindow<W extends RecoverableWindow>(deps: RecoveryDeps<W>): void {
  const { win, log } = deps;
  let asking = false;
  const reload = () => {
    log.info('reloading the window');
    win.webContents.loadURL(APP_ENTRY_URL).catch((err: unknown) => log.error('reload failed', err));
  };

  const ask = async (message: string, canWait: boolean) => {
    if (asking || win.isDestroyed()) return;
    asking = true;
    try {
      const t = deps.labels().recovery;
      // A window that never showed (its page never painted) is shown now, with the dialog over it.
      win.show();
      const buttons = canWait ? [t.reload, t.wait, t.quit] : [t.reload, t.quit];
      const { response } = await deps.dialog.showMessageBox(win, {
        type: canWait ? 'warning' : 'error',
        title: deps.title,
        message,
        detail: t.detail,
        buttons,
        defaultId: 0,
        // Escape: wait for a hung page; reload a dead one (a blank window helps nobody).
        cancelId: canWait ? 1 : 0,
        noLink: true,
      });
      if (win.isDestroyed()) return;
      if (buttons[response] === t.reload) reload();
      else if (buttons[response] === t.quit) deps.quit();
    } catch (err) {
      log.error('the recovery dialog failed', err);
    } finally {
      asking = false;
    }
  };

  win.webContents.on('render-process-gone', (_event, details) => {
    log.error(`the window's page is gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit') return;
    void ask(deps.labels().recovery.crashed, false);
  });
  win.on('unresponsive', () => {
    log.warn('the window is not responding');
    void ask(deps.labels().recovery.unresponsive, true);
  });
  win.on('responsive', () => log.info('the window responds again'));
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    log.error(`the window could not load ${url}: ${errorCode} ${errorDescription}`);
    void ask(deps.labels().recovery.loadFailed, false);
  });
}
