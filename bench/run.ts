// `npm run bench`: every bench/*.bench.ts in turn (or those named on the command line), each printing
// its figures and its ratio to a baseline measured in the same run. Not part of `npm test`.
// A bench that throws is reported and the others still run (one broken bench must not hide the rest's
// figures); the exit code is then 1.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

const started = performance.now();
const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const t0 = performance.now();
  try {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run: () => Promise<void> };
    await mod.run();
  } catch (err) {
    failed.push(file);
    console.error(`${file} FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  console.log(`(${file}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\nbenches: ${files.length - failed.length}/${files.length} ran, total ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
