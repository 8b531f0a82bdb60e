// Renders the large bench session's Arabic minutes (1x) a few times, for a CPU profile:
//   node scripts/node22.mjs --cpu-prof --cpu-prof-dir=/tmp/prof node_modules/tsx/dist/cli.mjs bench/minutes-profile.ts
// then `node bench/summarise-profile.mjs /tmp/prof/*.cpuprofile` prints the self time by function and file.
import { buildMinutesModel } from '../src/minutes/build-model';
import { renderDocx } from '../src/minutes/render-docx';
import { largeRecord } from './minutes.bench';

const record = largeRecord(Number(process.argv[2] ?? 1));
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  const bytes = await renderDocx(buildMinutesModel(record, { lang: 'ar' }));
  console.log(`render ${i + 1}: ${(performance.now() - t0).toFixed(0)} ms, ${bytes.length} bytes`);
}
