// What a ministry laptop needs from the shell, with fakes of Electron's objects: the rotating log, the
// recovery dialogs (crash, hang, failed load), the window shown even without 'ready-to-show', the
// right-click menu in text fields in the UI's language, and the startup failures in their own words.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startupFailureText, startupLanguage } from '../../main/app';
import { contextMenuTemplate, attachContextMenu } from '../../main/context-menu';
import { shellLabels } from '../../main/labels';
import { createLog, logFileName, silentLog } from '../../main/log';
import { APP_ENTRY_URL } from '../../main/origin';
import { watchWindow } from '../../main/recovery';
import { createMainWindow, SHOW_FALLBACK_MS } from '../../main/window';
import { DatabaseDamagedError, NativeModuleError, NetworkLocationError } from '../../src/errors';
import { tempDir } from '../helpers/temp-db';
import { Emitter, FakeDialog, FakeShell, FakeWindow } from './fakes';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const dir = () => {
  const d = tempDir('council-shell-');
  dirs.push(d);
  return d;
};

describe('the log', () => {
  it('writes one line per event, stacks indented, and rotates past its size keeping N files', () => {
    let t = 0;
    const now = () => new Date(Date.UTC(2026, 10, 30, 9, 0, t++));
    const plain = createLog({ dir: dir(), now });
    plain.info('database opened: /data/council.sqlite');
    plain.error('backup failed', Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    const first = fs.readFileSync(plain.file, 'utf8');
    expect(first).toMatch(/^2026-11-30T09:00:00\.000Z INFO  database opened: \/data\/council\.sqlite\n/);
    expect(first).toMatch(/ERROR backup failed: \[ENOSPC\] Error: disk full\n {8}at /);
    const logs = dir();
    const log = createLog({ dir: logs, maxBytes: 200, keep: 2, now });
    for (let i = 0; i < 20; i++) log.warn(`event ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(logs).sort();
    expect(files).toEqual([logFileName(1), logFileName(2), logFileName(0)].sort());
    for (const f of files) expect(fs.statSync(path.join(logs, f)).size).toBeLessThanOrEqual(200);
    expect(fs.readFileSync(log.file, 'utf8')).toContain('event 19');
    expect(fs.readFileSync(path.join(logs, logFileName(2)), 'utf8')).not.toContain('event 19');
  });

  it('never throws, even where it cannot write', () => {
    const blocker = path.join(dir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const log = createLog({ dir: path.join(blocker, 'logs') });
    expect(() => log.error('x', new Error('y'))).not.toThrow();
  });
});

class RecoveryWindow extends FakeWindow {
  closedByQuit = 0;
}
function recovery(response = 0) {
  const win = new RecoveryWindow({ title: 't', width: 800, height: 600, minWidth: 1, minHeight: 1, show: false, backgroundColor: '#fff', webPreferences: {} as never });
  const dialog = new FakeDialog<RecoveryWindow>();
  dialog.messageResponse = response;
  const lines: string[] = [];
  const log = { ...silentLog, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
  let quits = 0;
  let language: 'ar' | 'en' | 'fr' = 'en';
  watchWindow({ win, dialog, labels: () => shellLabels[language], log, title: 'Council Minutes', quit: () => quits++ });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { win, dialog, lines, quits: () => quits, setLanguage: (l: typeof language) => (language = l), settle };
}

describe('a page that crashes, hangs or does not load', () => {
  it('crash: shows the window, asks in the UI language, and Reload loads the UI again', async () => {
    const r = recovery(0);
    r.setLanguage('fr');
    r.win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await r.settle();
    expect(r.win.shown).toBe(1);
    expect(r.dialog.messages).toHaveLength(1);
    expect(r.dialog.messages[0]!.options).toMatchObject({ type: 'error', message: shellLabels.fr.recovery.crashed, buttons: ['Recharger', 'Quitter'], cancelId: 0 });
    expect(r.win.webContents.loaded).toEqual([APP_ENTRY_URL]);
    expect(r.lines[0]).toBe('error the window\'s page is gone: crashed (exit code 11)');
  });

  it('crash: Quit quits; a clean exit asks nothing', async () => {
    const r = recovery(1);
    r.win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await r.settle();
    expect(r.dialog.messages).toHaveLength(0);
    r.win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    await r.settle();
    expect(r.quits()).toBe(1);
    expect(r.win.webContents.loaded).toEqual([]);
  });

  it('hang: offers Wait (also on Escape), which does nothing', async () => {
    const r = recovery(1);
    r.win.emit('unresponsive');
    await r.settle();
    expect(r.dialog.messages[0]!.options).toMatchObject({ type: 'warning', message: shellLabels.en.recovery.unresponsive, buttons: ['Reload', 'Wait', 'Quit'], cancelId: 1 });
    expect(r.quits()).toBe(0);
    expect(r.win.webContents.loaded).toEqual([]);
  });

  it('failed load of the page: asks to reload; an aborted or a subframe load does not', async () => {
    const r = recovery(0);
    r.win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', APP_ENTRY_URL, true);
    r.win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://council/x', false);
    await r.settle();
    expect(r.dialog.messages).toHaveLength(0);
    r.win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_ENTRY_URL, true);
    await r.settle();
    expect(r.dialog.messages[0]!.options.message).toBe(shellLabels.en.recovery.loadFailed);
    expect(r.win.webContents.loaded).toEqual([APP_ENTRY_URL]);
  });

  it('one dialog at a time', async () => {
    const r = recovery(1);
    r.win.emit('unresponsive');
    r.win.emit('unresponsive');
    await r.settle();
    expect(r.dialog.messages).toHaveLength(1);
  });
});

describe('the window is shown', () => {
  it('after the fallback delay when ready-to-show never fires, once', () => {
    const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
    const timer = {
      setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms, cleared: false }) - 1,
      clearTimeout: (h: unknown) => void (timers[h as number]!.cleared = true),
    };
    const make = () =>
      createMainWindow({
        createWindow: (o) => new FakeWindow(o),
        screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] },
        shell: new FakeShell(),
        preload: '/p.cjs',
        stateFile: path.join(dir(), 'state.json'),
        development: false,
        title: 't',
        timer,
      });
    const stuck = make();
    expect(stuck.shown).toBe(0);
    expect(timers[0]!.ms).toBe(SHOW_FALLBACK_MS);
    timers[0]!.fn();
    expect(stuck.shown).toBe(1);
    stuck.emit('ready-to-show');
    expect(stuck.shown).toBe(1);

    const painted = make();
    painted.emit('ready-to-show');
    expect(painted.shown).toBe(1);
    expect(timers[1]!.cleared).toBe(true);
  });
});

describe('the right-click menu', () => {
  const flags = { canCut: true, canCopy: true, canPaste: false, canSelectAll: true };
  it('in a text field: cut, copy, paste, select all, in the UI language, enabled as Chromium says', () => {
    const t = contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: flags }, shellLabels.ar)!;
    expect(t.map((i) => [i.role ?? i.type, i.label, i.enabled])).toEqual([
      ['cut', 'قص', true],
      ['copy', 'نسخ', true],
      ['paste', 'لصق', false],
      ['separator', undefined, undefined],
      ['selectAll', 'تحديد الكل', true],
    ]);
  });

  it('on selected text: copy only; elsewhere: nothing', () => {
    expect(contextMenuTemplate({ isEditable: false, selectionText: 'قرار', editFlags: flags }, shellLabels.en)!.map((i) => i.label)).toEqual(['Copy']);
    expect(contextMenuTemplate({ isEditable: false, selectionText: '  ', editFlags: flags }, shellLabels.en)).toBeNull();
  });

  it('pops up on right-click in the language of the moment', () => {
    const contents = new Emitter();
    const shown: string[][] = [];
    let language: 'en' | 'fr' = 'en';
    attachContextMenu(contents, () => shellLabels[language], (t) => shown.push(t.map((i) => String(i.label))));
    contents.emit('context-menu', {}, { isEditable: true, selectionText: '', editFlags: flags });
    language = 'fr';
    contents.emit('context-menu', {}, { isEditable: true, selectionText: '', editFlags: flags });
    contents.emit('context-menu', {}, { isEditable: false, selectionText: '', editFlags: flags });
    expect(shown.map((s) => s[0])).toEqual(['Cut', 'Couper']);
  });
});

describe('a database that cannot be opened', () => {
  it('says which: the engine, a network share, a damaged file, each in its own words', () => {
    const at = '/data/council.sqlite';
    const native = startupFailureText(new NativeModuleError('invalid ELF header'), 'en', at);
    expect(native.startsWith(shellLabels.en.startup.NATIVE_MODULE)).toBe(true);
    expect(native).not.toMatch(/damaged/i);
    expect(native).toContain('invalid ELF header');
    expect(startupFailureText(new NetworkLocationError('\\\\srv\\share\\council.sqlite', 'a network path (srv\\share)'), 'ar', at)).toMatch(
      new RegExp(`^${shellLabels.ar.startup.NETWORK_LOCATION}`),
    );
    expect(startupFailureText(new DatabaseDamagedError(at, ['malformed']), 'fr', at).startsWith(shellLabels.fr.startup.DATABASE_DAMAGED)).toBe(true);
    expect(startupFailureText(new Error('other'), 'en', at).startsWith(shellLabels.en.startup.other)).toBe(true);
  });

  it('in the system language before the UI reports one, Arabic by default', () => {
    expect([startupLanguage('fr-FR'), startupLanguage('en-GB'), startupLanguage('ar-MA'), startupLanguage('de'), startupLanguage(undefined)]).toEqual(['fr', 'en', 'ar', 'ar', 'ar']);
  });
});
