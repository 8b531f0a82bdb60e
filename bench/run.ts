// `npm run bench`: every bench/*.bench.ts in turn (or those named on the command line), each printing
// its figures and its ratio to a baseline measured in the same run. Not part of `npm test`.
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

for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run: () => Promise<void> };
  await mod.run();
}
