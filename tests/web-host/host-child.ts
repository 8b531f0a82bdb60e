// Child process for the web-host test: a real host process (stub dispatcher, a one-page static folder)
// that prints its port; the parent checks it is still alive after malformed requests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebHost } from '../../src/web-host/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-host-child-'));
fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>council</title>');
const host = await startWebHost({ staticDir: dir, token: 't', dispatch: async () => ({ ok: true, value: null }) });
process.stdout.write(`port ${host.port}\n`);
process.on('SIGTERM', () => {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
