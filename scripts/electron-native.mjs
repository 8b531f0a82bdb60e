// better-sqlite3 for two runtimes from one install. `npm test` uses Node's build in
// node_modules/better-sqlite3/build/Release (made by `npm install`); `npm start` needs a build for
// Electron's ABI, kept in a SEPARATE folder (.native/electron-<version>-<platform>-<arch>/) so the Node
// build is never touched. The copy is fetched by better-sqlite3's own prebuild-install (or compiled with
// node-gyp against Electron's headers) inside a temporary copy of the package.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BINARY = 'better_sqlite3.node';
const MARKER = 'source.json';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function electronVersion(root) {
  return readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
}

export function betterSqliteVersion(root) {
  return readJson(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')).version;
}

/** The folder of the Electron-ABI copy: .native/electron-<version>-<platform>-<arch>. */
export function nativeDir(root, { electron, platform, arch }) {
  return path.join(root, '.native', `electron-${electron}-${platform}-${arch}`);
}

/** True when the folder holds a non-empty binary made from this better-sqlite3 version. */
export function hasNativeCopy(dir, sqliteVersion) {
  try {
    if (fs.statSync(path.join(dir, BINARY)).size === 0) return false;
    return readJson(path.join(dir, MARKER)).betterSqlite3 === sqliteVersion;
  } catch {
    return false;
  }
}

export function prebuildArgs({ electron, platform, arch }) {
  return ['--runtime', 'electron', '--target', electron, '--arch', arch, '--platform', platform, '--verbose'];
}

export function nodeGypArgs({ electron, arch }) {
  return ['rebuild', '--release', `--target=${electron}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'];
}

/** A temporary copy of the package without its build/ folder: what prebuild-install and node-gyp work in. */
export function copyPackage(packageDir, into) {
  fs.cpSync(packageDir, into, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(packageDir, src);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${path.sep}`);
    },
  });
}

function run(command, args, cwd, log) {
  log(`$ ${path.basename(command)} ${args.join(' ')}`);
  // On Windows the .bin shims are .cmd files, which need a shell.
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

/** The default ways to get the binary into `work` (a copy of the package): download, then compile. */
export function defaultFetchers(root, target, log) {
  const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  return [
    (work) => run(bin('prebuild-install'), prebuildArgs(target), work, log),
    (work) => run(bin('node-gyp'), nodeGypArgs(target), work, log),
  ];
}

/**
 * The path of an Electron-ABI better_sqlite3.node, fetching it when missing. Works only in temporary
 * folders and .native/: node_modules/better-sqlite3 stays as npm install left it.
 */
export function ensureElectronBinding(root, target, { log = console.log, fetchers } = {}) {
  const sqliteVersion = betterSqliteVersion(root);
  const dir = nativeDir(root, target);
  const dest = path.join(dir, BINARY);
  if (hasNativeCopy(dir, sqliteVersion)) return dest;

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-native-'));
  try {
    copyPackage(path.join(root, 'node_modules', 'better-sqlite3'), work);
    const built = path.join(work, 'build', 'Release', BINARY);
    for (const fetch of fetchers ?? defaultFetchers(root, target, log)) {
      if (fetch(work) && fs.existsSync(built)) {
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(built, dest);
        fs.writeFileSync(
          path.join(dir, MARKER),
          JSON.stringify({ betterSqlite3: sqliteVersion, ...target, at: new Date().toISOString() }, null, 2),
        );
        return dest;
      }
    }
    throw new Error(
      `could not get better-sqlite3 ${sqliteVersion} for Electron ${target.electron} (${target.platform}-${target.arch}): ` +
        'no prebuilt binary could be downloaded and compiling failed (see docs/desktop.md)',
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Newest modification time of the files under these paths (0 when none exist). */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) if (entry !== 'node_modules') visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/** An output needs rebuilding when it is missing or older than any of its inputs. */
export function isStale(output, inputs) {
  let built;
  try {
    built = fs.statSync(output).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(inputs) > built;
}

/** Electron's environment: our binding, and never "run as Node" inherited from a parent shell. */
export function electronEnv(baseEnv, bindingPath) {
  const env = { ...baseEnv, COUNCIL_NATIVE_BINDING: bindingPath };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}
