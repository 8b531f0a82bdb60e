// `npm start`: the desktop app from this checkout. Builds the renderer and main when their sources changed
// and launches Electron. better-sqlite3's one Node-API binary serves Electron as it serves Node.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain } from './build-main.mjs';
import { electronEnv, isStale } from './start-helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => path.join(root, ...p);

const shared = [at('src'), at('package.json')];
if (isStale(at('dist', 'renderer', 'index.html'), [at('renderer'), at('vite.config.ts'), ...shared])) {
  console.log('building the renderer…');
  // Vite's own script under this Node, no shell: a checkout path with spaces works on Windows too.
  const vite = at('node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
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
  env: electronEnv(process.env),
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
