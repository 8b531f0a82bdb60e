// What electron-builder would put in app.asar (and beside it, unpacked) for one platform and arch,
// computed WITHOUT running electron-builder (it must not run on the development machines): the `files`
// and `asarUnpack` patterns of electron-builder.yml go through electron-builder's own matchers
// (app-builder-lib's FileMatcher and filter, with its default exclusions), applied to the checkout and to
// the production dependencies the lockfile names. electron-builder drops a few more files from
// node_modules (readmes, tests) when it copies them, so the numbers are an upper bound.
//
//   node scripts/asar-contents.mjs [--platform win32|darwin] [--arch x64|arm64] [--config electron-builder.yml]
//                                  [--lock package-lock.json] [--list]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** electron-builder's macros as its platform packager expands them in file patterns. */
export function macroExpander({ platform, arch, productName = 'Council Minutes', version = '0.0.0' }) {
  const values = {
    platform,
    arch,
    os: platform === 'darwin' ? 'mac' : platform === 'win32' ? 'win' : 'linux',
    productName,
    name: productName,
    version,
    '/*': '{,/**/*}',
  };
  return (text) => text.replace(/\$\{([\w/*]+)\}/g, (whole, name) => values[name] ?? whole);
}

/** Top-level package folders npm installs for production (not dev, not dev-optional), from the lockfile. */
export function productionPackages(lock) {
  return Object.entries(lock.packages ?? {})
    .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev && !entry.devOptional && !entry.link)
    .map(([key]) => key);
}

function walk(dir, rel, filter, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const relative = rel ? `${rel}/${entry.name}` : entry.name;
    const stat = fs.statSync(full);
    if (!filter(full, stat)) continue;
    if (stat.isDirectory()) walk(full, relative, filter, out);
    else out.push({ path: relative, size: stat.size });
  }
}

/**
 * The files of the packaged app: `{ path, size, unpacked }` sorted by path, and the totals.
 * `config` is electron-builder.yml parsed, `lock` package-lock.json parsed; `appDir` holds dist/ and
 * node_modules/.
 */
export function asarContents({ appDir = root, config, lock, platform, arch }) {
  const { getMainFileMatchers, getNodeModuleFileMatcher, FileMatcher } = require('app-builder-lib/out/fileMatcher');
  const expand = macroExpander({ platform, arch, productName: config.productName });
  const info = {
    projectDir: appDir,
    buildResourcesDir: path.resolve(appDir, config.directories?.buildResources ?? 'build'),
    isPrepackedAppAsar: false,
    config,
    debugLogger: { isEnabled: false },
  };
  const outDir = path.resolve(appDir, config.directories?.output ?? 'dist');
  const [main] = getMainFileMatchers(appDir, '/app', expand, {}, { info }, outDir, false);
  const mainFilter = main.createFilter();
  const files = [];
  // The app's own files: node_modules and .git are never walked here (node_modules comes below).
  walk(appDir, '', (full, stat) => !/[/\\](node_modules|\.git)$/.test(full) && mainFilter(full, stat), files);

  // No exclusion in `files`: electron-builder copies the modules unfiltered.
  const moduleMatcher = getNodeModuleFileMatcher(appDir, '/app', expand, {}, info);
  const moduleFilter = moduleMatcher.isEmpty() ? () => true : moduleMatcher.createFilter();
  for (const pkg of productionPackages(lock)) {
    const dir = path.join(appDir, pkg);
    if (!moduleFilter(dir, fs.statSync(dir))) continue;
    walk(dir, pkg, moduleFilter, files);
  }

  const unpack = new FileMatcher(appDir, '/app', expand, config.asarUnpack ?? []).createFilter();
  const result = files
    .map((f) => ({ ...f, unpacked: unpack(path.join(appDir, f.path), { isDirectory: () => false }) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const sum = (list) => list.reduce((n, f) => n + f.size, 0);
  return {
    files: result,
    asarBytes: sum(result.filter((f) => !f.unpacked)),
    unpackedBytes: sum(result.filter((f) => f.unpacked)),
  };
}

/** Bytes per top-level part (dist/main, dist/renderer, node_modules/<package>), largest first. */
export function byPart(files) {
  const parts = new Map();
  for (const f of files) {
    const segments = f.path.split('/');
    const key = segments[0] === 'node_modules' || segments[0] === 'dist' ? segments.slice(0, 2).join('/') : segments[0];
    parts.set(key, (parts.get(key) ?? 0) + f.size);
  }
  return [...parts].sort((a, b) => b[1] - a[1]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const yaml = require('js-yaml');
  const config = yaml.load(fs.readFileSync(path.resolve(option('config', path.join(root, 'electron-builder.yml'))), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.resolve(option('lock', path.join(root, 'package-lock.json'))), 'utf8'));
  const platform = option('platform', 'win32');
  const arch = option('arch', 'x64');
  if (!fs.existsSync(path.join(root, 'dist', 'main', 'electron-main.cjs'))) {
    console.error('dist/ is missing: run `npm run build` first');
    process.exit(1);
  }
  const { files, asarBytes, unpackedBytes } = asarContents({ config, lock, platform, arch });
  const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(`${platform}-${arch}: ${files.length} files, app.asar ${mb(asarBytes)}, app.asar.unpacked ${mb(unpackedBytes)}`);
  for (const [part, bytes] of byPart(files).slice(0, 12)) console.log(`  ${mb(bytes).padStart(10)}  ${part}`);
  if (args.includes('--list')) for (const f of files) console.log(`${f.unpacked ? 'U' : ' '} ${String(f.size).padStart(9)} ${f.path}`);
}
