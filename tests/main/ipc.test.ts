import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCallNames } from '../../src/api/contract';
import { createDispatcher } from '../../src/api/dispatch';
import { apiChannel, shellChannels } from '../../src/desktop/schema';
import { isTrustedSender, registerIpc } from '../../main/ipc';
import { createShellCalls } from '../../main/shell-calls';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { FakeFrame, FakeIpcMain, FakeShell, FakeWebContents, FakeWindow } from './fakes';

let db: TempDb;
let files: string;
beforeAll(async () => {
  db = await openTempDb();
  files = tempDir('council-ipc-files-');
});
afterAll(async () => {
  await db.cleanup();
  fs.rmSync(files, { recursive: true, force: true });
});

const picked: { path: string | null } = { path: null };
function setup() {
  const ipcMain = new FakeIpcMain();
  const win = new FakeWindow({} as never);
  const shell = new FakeShell();
  const saved: { fileName?: string; target: string | null } = { target: null };
  const languages: string[] = [];
  const dispatched: unknown[][] = [];
  const dispatch = createDispatcher(db.ctx);
  const channels = registerIpc({
    ipcMain,
    window: () => win,
    dispatch: (name, payload) => {
      dispatched.push([name, payload]);
      return dispatch(name, payload);
    },
    shellCalls: createShellCalls({
      shell,
      saveDialog: async (fileName) => {
        saved.fileName = fileName;
        return saved.target;
      },
      openDialog: async (kind) => (kind === 'bundle' ? '/tmp/x.councilbundle' : kind === 'session-zip' ? picked.path : null),
      setLanguage: (l) => languages.push(l),
      appInfo: () => ({ version: '0.1.0', platform: 'linux', databasePath: db.path, development: false }),
    }),
  });
  const invoke = (channel: string, payload?: unknown) =>
    ipcMain.invoke(channel, win, win.webContents.mainFrame, payload) as Promise<any>;
  return { ipcMain, win, shell, saved, languages, dispatched, channels, invoke };
}

const tableCounts = () =>
  (db.sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string }[])
    .filter(({ name }) => !name.includes('fts'))
    .map(({ name }) => [name, (db.sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]);

describe('IPC channels', () => {
  it('are one per API call plus the shell calls, each registered once', () => {
    const { channels, ipcMain } = setup();
    expect(channels).toEqual([...apiCallNames.map(apiChannel), ...shellChannels]);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('pass the call name and payload to the dispatcher and return its typed result', async () => {
    const { invoke, dispatched } = setup();
    const result = await invoke(apiChannel('settings.get'), {});
    expect(result.ok).toBe(true);
    expect(result.value.name.en).toContain('Arab Industrial Development');
    expect(dispatched).toEqual([['settings.get', {}]]);
  });

  it('return a typed error naming the field for a bad payload, changing nothing', async () => {
    const { invoke } = setup();
    const before = tableCounts();
    const result = await invoke(apiChannel('settings.update'), { backupsToKeep: 'many' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'backupsToKeep' } });
    const nonObject = await invoke(apiChannel('settings.update'), 'DROP TABLE setting');
    expect(nonObject).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(tableCounts()).toEqual(before);
  });
});

describe('the sender check', () => {
  const appFrame = () => new FakeFrame('app://council/index.html');

  it('accepts only our window main frame at app://council/', () => {
    const win = new FakeWindow({} as never);
    const main = win.webContents.mainFrame;
    expect(isTrustedSender({ sender: win.webContents, senderFrame: main }, win)).toBe(true);
    // The same frame seen through another WebFrameMain object (same process and routing id).
    expect(isTrustedSender({ sender: win.webContents, senderFrame: appFrame() }, win)).toBe(true);

    const other = new FakeWebContents();
    const cases: [string, unknown, FakeFrame | null, FakeWindow | null][] = [
      ['no window', win.webContents, main, null],
      ['frame gone', win.webContents, null, win],
      ['another webContents', other, main, win],
      ['a subframe', win.webContents, new FakeFrame('app://council/x.html', main, 1, 2), win],
      ['another frame of the process', win.webContents, new FakeFrame('app://council/', null, 1, 9), win],
      ['navigated away', win.webContents, new FakeFrame('https://evil.example/'), win],
      ['a look-alike origin', win.webContents, new FakeFrame('app://council.evil/'), win],
      ['file://', win.webContents, new FakeFrame('file:///index.html'), win],
    ];
    for (const [label, sender, frame, window] of cases) {
      expect(isTrustedSender({ sender, senderFrame: frame }, window), label).toBe(false);
    }
  });

  it('rejects an untrusted message before the dispatcher or the shell sees it', async () => {
    const { ipcMain, win, shell, dispatched } = setup();
    const stranger = new FakeWebContents();
    const before = tableCounts();
    const evilFrame = new FakeFrame('https://evil.example/');
    for (const channel of [apiChannel('settings.update'), 'shell:show-in-folder', 'shell:set-language']) {
      await expect(ipcMain.invoke(channel, stranger, stranger.mainFrame, { backupsToKeep: 3 })).rejects.toThrow(/not the app's own window/);
      await expect(ipcMain.invoke(channel, win, evilFrame, { path: '/etc/passwd' })).rejects.toThrow(/not the app's own window/);
    }
    expect(dispatched).toEqual([]);
    expect(shell.shownInFolder).toEqual([]);
    expect(tableCounts()).toEqual(before);
  });
});

describe('shell channels', () => {
  it('validate payloads and name the bad field', async () => {
    const { invoke, shell } = setup();
    const cases: [string, unknown, string][] = [
      ['shell:open-path', { path: 42 }, 'path'],
      ['shell:open-path', {}, 'path'],
      ['shell:open-path', { path: '/a', extra: 1 }, 'extra'],
      ['shell:save-file', { fileName: '../../evil.docx', mimeType: 'x', base64: '' }, 'fileName'],
      ['shell:save-file', { fileName: 'payload.exe', mimeType: 'x', base64: '' }, 'fileName'],
      ['shell:save-file', { fileName: 'ok.docx', mimeType: 'x', base64: 'not base64!' }, 'base64'],
      ['shell:open-dialog', { kind: 'anything' }, 'kind'],
      ['shell:save-file', { fileName: 'ok.docx', mimeType: 'x', base64: '', beside: [{ suffix: '.exe', mimeType: 'x', base64: '' }] }, 'beside.0.suffix'],
      ['shell:save-file', { fileName: 'ok.docx', mimeType: 'x', base64: '', beside: [{ suffix: '/../../x.seal.json', mimeType: 'x', base64: '' }] }, 'beside.0.suffix'],
      ['shell:pick-file', { kind: 'anything' }, 'kind'],
      ['shell:set-language', { language: 'de' }, 'language'],
      ['shell:app-info', { x: 1 }, 'x'],
    ];
    for (const [channel, payload, field] of cases) {
      const result = await invoke(channel, payload);
      expect(result, `${channel} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
    }
    expect(shell.opened).toEqual([]);
  });

  // Save a file through the app as the UI does before offering Open / Show in folder.
  async function saveThroughApp(h: ReturnType<typeof setup>, fileName: string): Promise<string> {
    h.saved.target = path.join(files, fileName);
    const r = await h.invoke('shell:save-file', { fileName, mimeType: 'application/octet-stream', base64: Buffer.from('x').toString('base64') });
    expect(r).toMatchObject({ ok: true, value: { saved: true } });
    return h.saved.target;
  }

  it('open only .docx/.pdf files the app saved, still there', async () => {
    const h = setup();
    const { invoke, shell } = h;
    const docx = await saveThroughApp(h, 'minutes.docx');
    const gone = await saveThroughApp(h, 'gone.pdf');
    fs.rmSync(gone);
    const elsewhere = path.join(files, 'other.docx');
    fs.writeFileSync(elsewhere, 'x');
    const exe = path.join(files, 'tool.exe');
    fs.writeFileSync(exe, 'x');
    expect(await invoke('shell:open-path', { path: docx })).toEqual({ ok: true, value: null });
    expect(await invoke('shell:open-path', { path: exe })).toMatchObject({ ok: false, error: { field: 'path' } });
    expect(await invoke('shell:open-path', { path: 'minutes.docx' })).toMatchObject({ ok: false, error: { field: 'path' } });
    // An existing document the app did not save: refused, without saying whether it exists.
    expect(await invoke('shell:open-path', { path: elsewhere })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'path' } });
    expect(await invoke('shell:open-path', { path: path.join(files, 'never.pdf') })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'path' } });
    expect(await invoke('shell:open-path', { path: gone })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'path' } });
    expect(shell.opened).toEqual([docx]);
    shell.openPathResult = 'no application is associated';
    expect(await invoke('shell:open-path', { path: docx })).toMatchObject({ ok: false, error: { field: 'path' } });
  });

  it('show in its folder only a file the app saved', async () => {
    const h = setup();
    const { invoke, shell } = h;
    const file = await saveThroughApp(h, 'backup.sqlite');
    const other = path.join(files, 'private.sqlite');
    fs.writeFileSync(other, 'x');
    expect(await invoke('shell:show-in-folder', { path: file })).toEqual({ ok: true, value: null });
    expect(await invoke('shell:show-in-folder', { path: files })).toMatchObject({ ok: false, error: { field: 'path' } });
    expect(await invoke('shell:show-in-folder', { path: other })).toMatchObject({ ok: false, error: { field: 'path' } });
    expect(shell.shownInFolder).toEqual([file]);
  });

  it('save a generated file where the dialog says, or nothing when cancelled', async () => {
    const { invoke, saved } = setup();
    const bytes = Buffer.from('PK\u0003\u0004 minutes');
    const payload = { fileName: 'محضر الدورة 66.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: bytes.toString('base64') };
    expect(await invoke('shell:save-file', payload)).toEqual({ ok: true, value: { saved: false } });
    saved.target = path.join(files, 'out.docx');
    expect(await invoke('shell:save-file', payload)).toEqual({ ok: true, value: { saved: true, path: saved.target } });
    expect(saved.fileName).toBe('محضر الدورة 66.docx');
    expect(fs.readFileSync(saved.target)).toEqual(bytes);
    expect(fs.readdirSync(files).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('pass the language to the shell and report app info', async () => {
    const { invoke, languages } = setup();
    expect(await invoke('shell:set-language', { language: 'fr' })).toEqual({ ok: true, value: null });
    expect(languages).toEqual(['fr']);
    expect(await invoke('shell:open-dialog', { kind: 'bundle' })).toEqual({ ok: true, value: '/tmp/x.councilbundle' });
    expect((await invoke('shell:app-info', {})).value.databasePath).toBe(db.path);
  });

  it('save a sealed document with its manifest beside it, under the name verify looks for', async () => {
    const { invoke, saved } = setup();
    saved.target = path.join(files, 'sealed.docx');
    const doc = Buffer.from('PK\u0003\u0004 a document');
    const manifest = Buffer.from('{"format":"council-seal/1"}');
    const result = await invoke('shell:save-file', {
      fileName: 'minutes.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      base64: doc.toString('base64'),
      beside: [{ suffix: '.seal.json', mimeType: 'application/json', base64: manifest.toString('base64') }],
    });
    expect(result).toEqual({ ok: true, value: { saved: true, path: saved.target } });
    expect(fs.readFileSync(saved.target)).toEqual(doc);
    expect(fs.readFileSync(saved.target + '.seal.json')).toEqual(manifest);
  });

  it('read a file the user picked in the native dialog (the page never names a path)', async () => {
    const { invoke } = setup();
    picked.path = null;
    expect(await invoke('shell:pick-file', { kind: 'session-zip' })).toEqual({ ok: true, value: null });
    picked.path = path.join(files, 'session-ordinary-66.zip');
    fs.writeFileSync(picked.path, 'PK zip bytes');
    expect(await invoke('shell:pick-file', { kind: 'session-zip' })).toEqual({
      ok: true,
      value: { fileName: 'session-ordinary-66.zip', base64: Buffer.from('PK zip bytes').toString('base64') },
    });
  });
});
