import { describe, expect, it, vi } from 'vitest';
import { apiChannel, menuActions, menuChannel } from '../../src/desktop/schema';
import { createCouncilBridge, exposeCouncil, HALL_STATE_CHANNEL, type IpcRendererLike } from '../../main/preload/bridge';

class FakeIpcRenderer implements IpcRendererLike {
  invoked: [string, unknown[]][] = [];
  listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  reply: unknown = { ok: true, value: 'value' };
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    return this.reply;
  }
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
  }
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    this.listeners.set(channel, (this.listeners.get(channel) ?? []).filter((l) => l !== listener));
  }
  emit(channel: string, ...args: unknown[]) {
    const ipcEvent = { sender: this, ports: [], senderFrame: 'secret' };
    for (const l of this.listeners.get(channel) ?? []) l(ipcEvent, ...args);
  }
}

const EXPECTED_KEYS = ['appInfo', 'call', 'host', 'onHallState', 'onMenu', 'openDialog', 'openPath', 'pickFile', 'saveFile', 'setLanguage', 'showInFolder'];

describe('the preload bridge', () => {
  it('exposes exactly window.council with narrow functions, never ipcRenderer', () => {
    const ipc = new FakeIpcRenderer();
    const exposed: [string, unknown][] = [];
    exposeCouncil({ exposeInMainWorld: (key, api) => exposed.push([key, api]) }, ipc);
    expect(exposed.map(([key]) => key)).toEqual(['council']);
    const api = exposed[0]![1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(EXPECTED_KEYS);
    for (const value of Object.values(api)) {
      expect(value).not.toBe(ipc);
      expect(['function', 'string']).toContain(typeof value);
    }
  });

  it('sends each API call on its own channel, and refuses unknown names without IPC', async () => {
    const ipc = new FakeIpcRenderer();
    const council = createCouncilBridge(ipc);
    expect(await council.call('settings.get', {})).toEqual({ ok: true, value: 'value' });
    expect(ipc.invoked).toEqual([[apiChannel('settings.get'), [{}]]]);
    const refused = await council.call('shell:open-path' as never, { path: '/bin/sh' } as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'call' } });
    expect(await council.call('__proto__' as never, {} as never)).toMatchObject({ ok: false });
    expect(ipc.invoked).toHaveLength(1);
  });

  it('maps shell functions to fixed channels and turns a typed error into a rejection', async () => {
    const ipc = new FakeIpcRenderer();
    const council = createCouncilBridge(ipc);
    ipc.reply = { ok: true, value: { saved: true, path: '/d/m.docx' } };
    expect(await council.saveFile({ fileName: 'm.docx', mimeType: 'x', base64: 'AA==' })).toEqual({ saved: true, path: '/d/m.docx' });
    ipc.reply = { ok: true, value: null };
    await council.openPath('/d/m.docx');
    await council.showInFolder('/d/m.docx');
    await council.setLanguage('en');
    expect(await council.openDialog('bundle')).toBeNull();
    expect(ipc.invoked.map(([c]) => c)).toEqual([
      'shell:save-file',
      'shell:open-path',
      'shell:show-in-folder',
      'shell:set-language',
      'shell:open-dialog',
    ]);
    expect(ipc.invoked[0]![1]).toEqual([{ fileName: 'm.docx', mimeType: 'x', base64: 'AA==' }]);
    ipc.reply = { ok: false, error: { code: 'VALIDATION', field: 'path', message: 'path: only .docx, .pdf files can be opened' } };
    await expect(council.openPath('/bin/sh')).rejects.toThrow(/\[path\]/);
  });

  it('passes menu messages without the IPC event, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const council = createCouncilBridge(ipc);
    const seen: unknown[][] = [];
    const off = council.onMenu((...args) => seen.push(args));
    ipc.emit(menuChannel('new-session'));
    ipc.emit(menuChannel('language'), 'fr');
    ipc.emit(menuChannel('language'), { not: 'a string' });
    ipc.emit('some-other-channel', 'x');
    expect(seen).toEqual([['new-session', undefined], ['language', 'fr'], ['language', undefined]]);
    expect(ipc.listeners.size).toBe(menuActions.length);
    off();
    ipc.emit(menuChannel('new-session'));
    expect(seen).toHaveLength(3);
    expect([...ipc.listeners.values()].every((l) => l.length === 0)).toBe(true);
  });

  it("passes the hall display's state without the IPC event, and unsubscribes", () => {
    const ipc = new FakeIpcRenderer();
    const council = createCouncilBridge(ipc);
    const seen: unknown[][] = [];
    const off = council.onHallState!((...args) => seen.push(args));
    ipc.emit(HALL_STATE_CHANNEL, { at: 'x' });
    ipc.emit('some-other-channel', 'y');
    expect(seen).toEqual([[{ at: 'x' }]]);
    off();
    ipc.emit(HALL_STATE_CHANNEL, { at: 'z' });
    expect(seen).toHaveLength(1);
  });
});

// The entry file itself: Electron cannot load here, so 'electron' is replaced by fakes for this import.
const electronFake = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electronFake);

describe('main/preload.ts', () => {
  it('exposes the bridge through contextBridge on load', async () => {
    await import('../../main/preload');
    expect(electronFake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electronFake.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('council');
    expect(Object.keys(api as object).sort()).toEqual(EXPECTED_KEYS);
  });
});
