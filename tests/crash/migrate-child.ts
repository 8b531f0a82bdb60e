// Child process of the migration crash test: opens (creates or upgrades) the database file it is given,
// which runs the pending migrations, and says "opening" before and "opened" after. The parent kills it
// with SIGKILL at a random moment. Usage: migrate-child <db file>, then "go" on stdin.
import { openDatabase } from '../../src/database/open';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: migrate-child <db>');

// Started ahead of its turn (loading node and the modules is the slow part); opens the file only on "go".
await new Promise<void>((resolve) => {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    input += chunk;
    if (input.includes('go\n')) resolve();
  });
});

process.stdout.write('opening\n');
const opened = await openDatabase({ path: file });
process.stdout.write('opened\n');
await opened.close();
// Stay until killed, like the app would.
setInterval(() => undefined, 1000);
