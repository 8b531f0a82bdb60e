// The pure parts of `npm start` (scripts/electron-native.mjs). Electron cannot run here, so the launch
// itself and a real download of the Electron-ABI binary are NOT exercised (see docs/desktop.md).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BINARY,
  betterSqliteVersion,
  copyPackage,
  electronEnv,
  electronVersion,
  ensureElectronBinding,
  hasNativeCopy,
  isStale,
  nativeDir,
  nodeGypArgs,
  prebuildArgs,
} from '../../scripts/electron-native.mjs';
import { tempDir } from '../helpers/temp-db';

const repo = path.resolve(__dirname, '../..');
const nodeBuild = path.join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', BINARY);
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = tempDir('council-native-test-');
  dirs.push(d);
  return d;
}

/** A fake project root: package.json files of electron and better-sqlite3, like node_modules has. */
function fakeRoot(): string {
  const root = temp();
  const pkg = (name: string, version: string) => {
    const dir = path.join(root, 'node_modules', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version }));
    return dir;
  };
  pkg('electron', '45.5.0');
  const sqlite = pkg('better-sqlite3', '12.11.1');
  fs.mkdirSync(path.join(sqlite, 'build', 'Release'), { recursive: true });
  fs.writeFileSync(path.join(sqlite, 'build', 'Release', BINARY), 'node-abi build');
  fs.mkdirSync(path.join(sqlite, 'src'));
  fs.writeFileSync(path.join(sqlite, 'src', 'better_sqlite3.cpp'), '// source');
  fs.writeFileSync(path.join(sqlite, 'binding.gyp'), '{}');
  return root;
}

const target = { electron: '45.5.0', platform: 'win32', arch: 'arm64' };

describe('the Electron-ABI copy of better-sqlite3', () => {
  it('lives in its own folder named for Electron, platform and arch', () => {
    expect(electronVersion(repo)).toBe('45.5.0');
    expect(nativeDir('/repo', target)).toBe(path.join('/repo', '.native', 'electron-45.5.0-win32-arm64'));
    expect(prebuildArgs(target)).toEqual(expect.arrayContaining(['--runtime', 'electron', '--target', '45.5.0', '--arch', 'arm64', '--platform', 'win32']));
    expect(nodeGypArgs(target)).toEqual(expect.arrayContaining(['--target=45.5.0', '--arch=arm64', '--dist-url=https://electronjs.org/headers']));
  });

  it('is fetched in a temporary copy of the package, leaving the Node build alone, then reused', () => {
    const root = fakeRoot();
    const nodeCopy = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', BINARY);
    const seen: string[][] = [];
    const fetchers = [
      () => false, // the download fails (no prebuilt binary for this target)
      (work: string) => {
        seen.push(fs.readdirSync(work).sort());
        fs.mkdirSync(path.join(work, 'build', 'Release'), { recursive: true });
        fs.writeFileSync(path.join(work, 'build', 'Release', BINARY), 'electron-abi build');
        return true;
      },
    ];
    const dest = ensureElectronBinding(root, target, { log: () => undefined, fetchers });
    expect(dest).toBe(path.join(nativeDir(root, target), BINARY));
    expect(fs.readFileSync(dest, 'utf8')).toBe('electron-abi build');
    expect(fs.readFileSync(nodeCopy, 'utf8')).toBe('node-abi build');
    // The work copy had the sources but not the Node build.
    expect(seen).toEqual([['binding.gyp', 'package.json', 'src']]);
    expect(hasNativeCopy(nativeDir(root, target), '12.11.1')).toBe(true);

    // Second start: nothing fetched.
    const again = ensureElectronBinding(root, target, {
      fetchers: [() => {
        throw new Error('should not fetch again');
      }],
    });
    expect(again).toBe(dest);
  });

  it('is fetched again after better-sqlite3 is upgraded, and a failure says so', () => {
    const root = fakeRoot();
    const dir = nativeDir(root, target);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, BINARY), 'old');
    fs.writeFileSync(path.join(dir, 'source.json'), JSON.stringify({ betterSqlite3: '11.0.0' }));
    expect(hasNativeCopy(dir, betterSqliteVersion(root))).toBe(false);
    expect(() => ensureElectronBinding(root, target, { log: () => undefined, fetchers: [() => false, () => true] })).toThrow(
      /could not get better-sqlite3 12\.11\.1 for Electron 45\.5\.0/,
    );
    fs.writeFileSync(path.join(dir, BINARY), '');
    fs.writeFileSync(path.join(dir, 'source.json'), JSON.stringify({ betterSqlite3: '12.11.1' }));
    expect(hasNativeCopy(dir, '12.11.1')).toBe(false); // an empty file is not a binary
  });

  it('copies the real package without its build folder, and never changes the Node build', () => {
    const before = sha(nodeBuild);
    const work = temp();
    copyPackage(path.join(repo, 'node_modules', 'better-sqlite3'), work);
    expect(fs.existsSync(path.join(work, 'build'))).toBe(false);
    expect(fs.existsSync(path.join(work, 'binding.gyp'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'package.json'))).toBe(true);
    expect(sha(nodeBuild)).toBe(before);
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

  it('launch Electron with the binding and never as plain Node', () => {
    const env = electronEnv({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' }, '/r/.native/x/better_sqlite3.node');
    expect(env).toEqual({ PATH: '/bin', COUNCIL_NATIVE_BINDING: '/r/.native/x/better_sqlite3.node' });
  });
});
