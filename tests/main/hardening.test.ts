// The settings an audit's mutation run found untested: each line here fails if one of them is loosened.
// The CSP directive by directive (connect-src, frame-ancestors...), the renderer's own meta CSP, the
// Electron fuses of the packaged app (cookie encryption among them), navigateOnDragDrop and safeDialogs,
// and opening a saved file only when it is a document (.docx, .pdf) even though the app saved it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, openExternalIfSafe, secureWebPreferences } from '../../main/security';
import { createShellCalls } from '../../main/shell-calls';
import { tempDir } from '../helpers/temp-db';
import { FakeShell } from './fakes';

const yaml = createRequire(path.resolve('package.json'))('js-yaml') as { load(text: string): unknown };

const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values];
      }),
  );

describe("the shell's Content-Security-Policy, every directive", () => {
  it('is exactly this', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-src': ["'none'"],
      'child-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });
});

describe("the renderer's own meta CSP (renderer/index.html)", () => {
  it('is present and no looser than the shell: own scripts, styles and connections only', () => {
    const html = fs.readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta).not.toBeNull();
    const d = directives(meta![1]!);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['style-src']).toEqual(["'self'"]);
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['form-action']).toEqual(["'none'"]);
    expect(meta![1]).not.toMatch(/unsafe-|\*|https?:/);
  });
});

describe("the packaged app's Electron fuses (electron-builder.yml)", () => {
  it('are flipped: no Node mode, cookies encrypted, no NODE_OPTIONS or --inspect, asar only and verified', () => {
    const config = yaml.load(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      // Unsigned macOS builds are re-signed ad hoc after the fuses, or Apple Silicon refuses to open them.
      resetAdHocDarwinSignature: true,
    });
  });
});

describe('webPreferences, every one', () => {
  for (const development of [false, true]) {
    it(`is exactly the locked-down set (development ${development})`, () => {
      expect(secureWebPreferences('/app/preload.cjs', development)).toEqual({
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        devTools: development,
      });
    });
  }
});

describe('shell:open-path', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('refuses a file the app saved when it is not a document (the OS would run it)', async () => {
    const dir = tempDir('council-shell-');
    dirs.push(dir);
    const shell = new FakeShell();
    let target = '';
    const calls = createShellCalls({
      shell,
      saveDialog: async () => target,
      openDialog: async () => null,
      setLanguage: () => undefined,
      appInfo: () => ({}) as never,
    });
    for (const name of ['run.sh', 'setup.exe', 'minutes.docx.command', 'noext']) {
      target = path.join(dir, name);
      expect(await calls['shell:save-file']({ fileName: name, mimeType: 'application/octet-stream', base64: 'eA==' })).toEqual({ saved: true, path: target });
      await expect(calls['shell:open-path']({ path: target })).rejects.toMatchObject({ code: 'VALIDATION', field: 'path' });
    }
    expect(shell.opened).toEqual([]);
    // A saved document opens (the check is on the extension, not a blanket refusal).
    target = path.join(dir, 'minutes.docx');
    await calls['shell:save-file']({ fileName: 'minutes.docx', mimeType: 'application/octet-stream', base64: 'eA==' });
    await calls['shell:open-path']({ path: target });
    expect(shell.opened).toEqual([target]);
  });
});

describe('openExternalIfSafe', () => {
  it('says whether it handed the URL to the browser', () => {
    const shell = new FakeShell();
    expect(openExternalIfSafe(shell, 'https://aidsmo.org/council')).toBe(true);
    expect(openExternalIfSafe(shell, 'javascript:alert(1)')).toBe(false);
    expect(openExternalIfSafe(shell, 'file:///etc/passwd')).toBe(false);
    expect(shell.external).toEqual(['https://aidsmo.org/council']);
  });
});
