#!/usr/bin/env node
// `council` / `npm run council -- ...`: runs the bundled command-line tool (dist/cli, made by
// scripts/build-cli.mjs), rebuilding it first when a source is newer (a checkout being worked on). V8's
// compile cache keeps later starts close to a bare `node`. Needs Node 22 (better-sqlite3 13).
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'council.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isStale() {
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return true;
  }
  const src = path.join(root, 'src');
  return fs.existsSync(src) && newestSource(src) > built;
}

if (isStale()) {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}
module.enableCompileCache?.();
const { runCli } = await import(pathToFileURL(bundle).href);
const io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
process.exitCode = await runCli(process.argv.slice(2), io);
