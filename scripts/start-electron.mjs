// `npm start`: the desktop app from this checkout. Makes sure an Electron-ABI better-sqlite3 exists in
// .native/ (Node's build in node_modules stays for `npm test`), builds the renderer and main when their
// sources changed, and launches Electron with COUNCIL_NATIVE_BINDING pointing at that copy.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain } from './build-main.mjs';
import { electronEnv, electronVersion, ensureElectronBinding, isStale } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => path.join(root, ...p);

const target = { electron: electronVersion(root), platform: process.platform, arch: process.arch };
const binding = ensureElectronBinding(root, target);
console.log(`better-sqlite3 for Electron ${target.electron}: ${path.relative(root, binding)}`);

const shared = [at('src'), at('package.json')];
if (isStale(at('dist', 'renderer', 'index.html'), [at('renderer'), at('vite.config.ts'), ...shared])) {
  console.log('building the renderer…');
  const vite = at('node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
  const result = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (
  isStale(at('dist', 'main', 'electron-main.cjs'), [at('main'), ...shared]) ||
  isStale(at('dist', 'main', 'preload.cjs'), [at('main'), ...shared])
) {
  console.log('building main and the preload…');
  await buildMain();
}

// On a machine where Electron installed, require('electron') from Node returns the binary's path.
const electronBinary = createRequire(import.meta.url)('electron');
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: electronEnv(process.env, binding),
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
