// A second secretary in another process: opens the same file and records decisions as fast as it can.
// Usage: node --import tsx concurrent-writer.ts <db file> <agenda item id> <count> <barrier dir> <label>
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/database/open';
import { recordDecision } from '../../src/decisions/service';

const [file, agendaItemId, countText, barrier, label] = process.argv.slice(2) as [string, string, string, string, string];
const opened = await openDatabase({ path: file, busyTimeoutMs: 60_000 });
const ctx = { db: opened.db, now: () => new Date(), actorOverride: label };

// Start together: say ready, then wait for the parent's go.
fs.writeFileSync(path.join(barrier, `ready-${label}`), '');
while (!fs.existsSync(path.join(barrier, 'go'))) await new Promise((r) => setTimeout(r, 5));

const serials: number[] = [];
for (let i = 0; i < Number(countText); i++) {
  const d = await recordDecision(ctx, {
    agendaItemId,
    adoptedAt: '2024-11-20T11:00:00Z', // within the test session's day (makeWorld)
    text: { ar: `قرار ${label} رقم ${i}`, en: `Decision ${label} ${i}` },
  });
  serials.push(d.serial);
  // A breath between decisions, as people have, so the other writer gets the lock in between.
  await new Promise((r) => setTimeout(r, Math.random() * 4));
}
await opened.close();
process.stdout.write(JSON.stringify(serials));
