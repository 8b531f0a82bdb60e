// Stand-ins for Electron's objects (its binary cannot run here). They record what main/ asks of them and
// let a test fire the events Electron would fire. Everything else in these tests is real: files, SQLite,
// the dispatcher and the services.
import type {
  DialogLike,
  FrameLike,
  HeadersDetails,
  HeadersResponse,
  OpenDialogOptionsLike,
  PreventableEvent,
  Rectangle,
  SaveDialogOptionsLike,
  SessionLike,
  WindowOpenDetails,
  WindowOpenResponse,
} from '../../main/electron-types';
import type { MainWindowOptions, WindowLike } from '../../main/window';
import type { MessageBoxOptionsLike } from '../../main/recovery';

type Listener = (...args: any[]) => unknown;

export class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export function event(): PreventableEvent & { prevented: boolean } {
  const e = { prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
}

export class FakeFrame implements FrameLike {
  constructor(
    public url: string,
    public parent: FrameLike | null = null,
    public processId = 1,
    public routingId = 1,
  ) {}
}

export class FakeWebContents extends Emitter {
  id = 1;
  mainFrame: FakeFrame = new FakeFrame('app://council/index.html');
  openHandler: ((details: WindowOpenDetails) => WindowOpenResponse) | null = null;
  loaded: string[] = [];
  sent: { channel: string; args: unknown[] }[] = [];
  devToolsClosed = 0;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void {
    this.openHandler = handler;
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  /** Fire a navigation-like event; true when main/ let it through. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = event();
    this.emit(kind, e, url);
    return !e.prevented;
  }
}

export class FakeWindow extends Emitter implements WindowLike {
  webContents = new FakeWebContents();
  bounds: Rectangle;
  maximized = false;
  minimized = false;
  destroyed = false;
  shown = 0;
  focused = 0;
  constructor(readonly options: MainWindowOptions) {
    super();
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width, height: options.height };
  }
  getNormalBounds(): Rectangle {
    return this.bounds;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  maximize(): void {
    this.maximized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.shown++;
  }
  focus(): void {
    this.focused++;
  }
}

export class FakeSession implements SessionLike {
  requestHandler: Parameters<SessionLike['setPermissionRequestHandler']>[0] = null;
  checkHandler: Parameters<SessionLike['setPermissionCheckHandler']>[0] = null;
  headersListener: ((details: HeadersDetails, callback: (r: HeadersResponse) => void) => void) | null = null;
  setPermissionRequestHandler(handler: Parameters<SessionLike['setPermissionRequestHandler']>[0]): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: Parameters<SessionLike['setPermissionCheckHandler']>[0]): void {
    this.checkHandler = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: (details: HeadersDetails, callback: (r: HeadersResponse) => void) => void) => {
      this.headersListener = listener;
    },
  };
}

export class FakeShell {
  external: string[] = [];
  opened: string[] = [];
  shownInFolder: string[] = [];
  openPathResult = '';
  async openExternal(url: string): Promise<void> {
    this.external.push(url);
  }
  async openPath(path: string): Promise<string> {
    this.opened.push(path);
    return this.openPathResult;
  }
  showItemInFolder(path: string): void {
    this.shownInFolder.push(path);
  }
}

export class FakeDialog<W> implements DialogLike<W> {
  savePath: string | undefined;
  openPaths: string[] = [];
  saveCalls: SaveDialogOptionsLike[] = [];
  openCalls: OpenDialogOptionsLike[] = [];
  errors: { title: string; content: string }[] = [];
  messages: { window: W; options: MessageBoxOptionsLike }[] = [];
  /** The button the user presses in the next message box. */
  messageResponse = 0;
  async showMessageBox(window: W, options: MessageBoxOptionsLike) {
    this.messages.push({ window, options });
    return { response: this.messageResponse };
  }
  async showSaveDialog(_w: W, options: SaveDialogOptionsLike) {
    this.saveCalls.push(options);
    return this.savePath ? { canceled: false, filePath: this.savePath } : { canceled: true };
  }
  async showOpenDialog(_w: W, options: OpenDialogOptionsLike) {
    this.openCalls.push(options);
    return { canceled: this.openPaths.length === 0, filePaths: this.openPaths };
  }
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  }
}

type IpcListener = (event: { sender: unknown; senderFrame: FrameLike | null }, ...args: unknown[]) => Promise<unknown>;
export class FakeIpcMain {
  handlers = new Map<string, IpcListener>();
  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, sender: { webContents: FakeWebContents } | FakeWebContents, frame: FrameLike | null, payload?: unknown) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const contents = sender instanceof FakeWebContents ? sender : sender.webContents;
    return handler({ sender: contents, senderFrame: frame }, payload);
  }
}
