// Bundles the command-line tool to dist/cli/ with esbuild: one ES module per entry plus shared chunks, and
// each command's module imported only when it runs (src/cli/commands/index.ts), so a command loads only
// what it uses (the docx writer, most of the bundle, only when minutes are made).
// better-sqlite3 stays external (native code, loaded from node_modules). Run by `npm run build`, and by
// scripts/council.mjs whenever the sources are newer than the bundle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliOutDir = path.join(root, 'dist', 'cli');

export async function buildCli(outdir = cliOutDir) {
  // Chunks are named by their content: without this, every rebuild would leave the old ones behind.
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { council: 'src/cli/council.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['better-sqlite3'],
    // CommonJS dependencies bundled into ES modules still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __councilRequire } from 'node:module'; const require = __councilRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildCli();
  console.log(`command-line tool bundled to ${path.relative(root, cliOutDir)} in ${Date.now() - started} ms`);
}
