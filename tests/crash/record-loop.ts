// Child process of the crash-safety test: records attendance events through the service, in a loop,
// and prints each event's id on its own line only after the commit has returned. The parent kills it
// with SIGKILL at a random moment. Usage: record-loop <db file> <sitting id> <delegation ids, comma-separated>,
// then "go" on stdin.
import { recordArrival, recordDeparture } from '../../src/attendance/service';
import type { CoreContext } from '../../src/core/context';
import { openDatabase } from '../../src/database/open';

const [file, sittingId, delegationList] = process.argv.slice(2);
if (!file || !sittingId || !delegationList) throw new Error('usage: record-loop <db> <sittingId> <delegationIds>');
const delegationIds = delegationList.split(',');

// The parent starts this process ahead of time and says "go" when it is this run's turn: the slow part
// (loading node and the modules) overlaps the previous run, while the database is opened only now, so the
// process killed before was the file's only user, as after a real crash.
await new Promise<void>((resolve) => {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    input += chunk;
    if (input.includes('go\n')) resolve();
  });
});

const opened = await openDatabase({ path: file });
const ctx: CoreContext = { db: opened.db, now: () => new Date() };

// Carry on from what earlier (killed) runs left: each delegation's last event and the latest instant.
const present = new Map<string, boolean>();
let lastAt = Date.parse('2026-11-10T08:00:00.000Z');
for (const id of delegationIds) {
  const last = opened.sqlite
    .prepare('select kind, at from attendance_event where sitting_id = ? and delegation_id = ? order by at desc limit 1')
    .get(sittingId, id) as { kind: string; at: string } | undefined;
  present.set(id, last?.kind === 'arrival');
  if (last) lastAt = Math.max(lastAt, Date.parse(last.at));
}

process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const delegationId = delegationIds[n % delegationIds.length]!;
  lastAt += 1000;
  const input = { sittingId, delegationId, at: new Date(lastAt).toISOString() };
  const event = present.get(delegationId) ? await recordDeparture(ctx, input) : await recordArrival(ctx, input);
  present.set(delegationId, event.kind === 'arrival');
  process.stdout.write(`${event.id}\n`);
}
