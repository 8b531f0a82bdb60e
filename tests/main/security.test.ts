import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalWebUrl } from '../../main/origin';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  secureWebPreferences,
  withCsp,
} from '../../main/security';
import { event, FakeSession, FakeShell, FakeWebContents } from './fakes';

describe('webPreferences', () => {
  for (const development of [false, true]) {
    it(`are locked down (development ${development})`, () => {
      const prefs = secureWebPreferences('/app/preload.cjs', development) as unknown as Record<string, unknown>;
      expect(prefs).toMatchObject({
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
        devTools: development,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).not.toHaveProperty('additionalArguments');
    });
  }
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
  it('allows only our own scripts and no plugins, frames or inline code', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });

  it('replaces any CSP a response already had, whatever its case', () => {
    const headers = withCsp({ 'content-security-policy': ["default-src *"], 'X-Other': ['1'] });
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('URLs', () => {
  it('recognise our origin by parsing, not by prefix', () => {
    expect(isAppUrl('app://council/index.html')).toBe(true);
    expect(isAppUrl('app://council/')).toBe(true);
    expect(isAppUrl('app://COUNCIL/x')).toBe(true);
    for (const url of [
      'app://council.evil.example/',
      'app://councilx/',
      'app://evil@council/',
      'app://council:8080/',
      'app://evil/council/',
      'https://council/',
      'file:///council/index.html',
      'app:council',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('send only http(s) without credentials to the browser', () => {
    expect(isExternalWebUrl('https://www.aidsmo.org/')).toBe(true);
    expect(isExternalWebUrl('http://example.org/a?b#c')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pw@example.org/',
      'https//example.org',
      'data:text/html,x',
      'app://council/',
    ]) {
      expect(isExternalWebUrl(url), url).toBe(false);
    }
  });
});

describe('a hardened webContents', () => {
  const setup = (development = false) => {
    const contents = new FakeWebContents();
    const shell = new FakeShell();
    hardenWebContents(contents, { shell, development });
    return { contents, shell };
  };

  it('stays on app://council/ and hands web links to the browser', () => {
    const { contents, shell } = setup();
    expect(contents.navigate('will-navigate', 'app://council/index.html#/sessions')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://council.evil.example/')).toBe(false);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(contents.navigate('will-navigate', 'javascript:alert(1)')).toBe(false);
    expect(shell.external).toEqual(['https://evil.example/']);
  });

  it('refuses redirects out of the app', () => {
    const { contents, shell } = setup();
    expect(contents.navigate('will-redirect', 'app://council/other.html')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(false);
    expect(shell.external).toEqual([]);
  });

  it('refuses every new window, opening only http(s) links externally', () => {
    const { contents, shell } = setup();
    for (const url of ['https://www.aidsmo.org/', 'app://council/index.html', 'file:///C:/Windows/calc.exe', 'about:blank']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.external).toEqual(['https://www.aidsmo.org/']);
  });

  it('refuses <webview>', () => {
    const { contents } = setup();
    const e = event();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.prevented).toBe(true);
  });

  it('closes devtools in a packaged build, not in development', () => {
    const prod = setup(false);
    prod.contents.emit('devtools-opened');
    expect(prod.contents.devToolsClosed).toBe(1);
    const dev = setup(true);
    dev.contents.emit('devtools-opened');
    expect(dev.contents.devToolsClosed).toBe(0);
  });
});

describe('a hardened session', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      let answer: boolean | undefined;
      session.requestHandler!({}, permission, (granted) => (answer = granted));
      expect(answer, permission).toBe(false);
      expect(session.checkHandler!({}, permission), permission).toBe(false);
    }
  });

  it('adds the CSP to every response', () => {
    const session = new FakeSession();
    hardenSession(session);
    let response: { responseHeaders?: Record<string, string | string[]> } | undefined;
    session.headersListener!(
      { url: 'app://council/index.html', responseHeaders: { 'Content-Type': ['text/html'] } },
      (r) => (response = r),
    );
    expect(response?.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});
