// `npm run dev:web`: build the renderer, open (or create) a development database and serve both on
// 127.0.0.1 behind a per-run token. Open the printed address in any browser.
// Options: --db <file> (default data/dev.sqlite), --port <n> (default random), --no-build.
import path from 'node:path';
import { buildRenderer, projectRoot } from '../src/web-host/build';
import { startCouncilWebHost } from '../src/web-host/start';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dbPath = path.resolve(option('--db') ?? path.join(projectRoot, 'data/dev.sqlite'));
const port = option('--port') ? Number(option('--port')) : undefined;
const staticDir = path.join(projectRoot, 'dist/renderer');

if (!args.includes('--no-build')) {
  console.log('building the renderer...');
  await buildRenderer(staticDir);
}
const running = await startCouncilWebHost({ dbPath, staticDir, ...(port !== undefined ? { port } : {}) });
console.log(`database: ${dbPath}`);
console.log(`open:     ${running.host.url}`);
const stop = () => {
  void running.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
