// Bundles the Electron main process and the preload to dist/main/*.cjs with Vite (rolldown).
// Two separate builds: the sandboxed preload must be ONE file (it cannot require a shared chunk).
// electron and better-sqlite3 stay external: Electron provides the first, and the second is a native
// module that electron-builder rebuilds and unpacks from the asar.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutDir = path.join(root, 'dist', 'main');
const external = ['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** One entry bundled to dist/main/<name>.cjs. */
export async function bundle(entry, name, { outDir = defaultOutDir, emptyOutDir = false } = {}) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    build: {
      ssr: path.join(root, entry),
      outDir,
      emptyOutDir,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rollupOptions: {
        external,
        output: { format: 'cjs', entryFileNames: `${name}.cjs`, codeSplitting: false },
      },
    },
    // Bundle every dependency except the externals above (the packaged app carries no dev tooling).
    ssr: { noExternal: true, external: ['electron', 'better-sqlite3'] },
  });
}

export async function buildMain(outDir = defaultOutDir) {
  await bundle('main/electron-main.ts', 'electron-main', { outDir, emptyOutDir: true });
  await bundle('main/preload.ts', 'preload', { outDir });
  // The minutes worker (src/minutes/worker-entry.ts): a thread of its own in the main process.
  await bundle('src/minutes/worker-entry.ts', 'minutes-worker', { outDir });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildMain();
  console.log(`main and preload bundled to ${path.relative(root, defaultOutDir)} in ${Date.now() - started} ms`);
}
