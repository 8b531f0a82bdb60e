// The UI: cold start to interactive in Chromium (navigation until the sessions screen's first control
// is visible, in a fresh browser context each time so nothing is cached), against a blank static page
// served by the same host in the same run; and the renderer bundle's gzip size against React's own
// production files (react + react-dom client + jsx runtime) gzipped the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildRenderer, projectRoot } from '../src/web-host/build';
import { startCouncilWebHost } from '../src/web-host/start';
import { launchChromium } from '../tests/helpers/chromium';

const RUNS = 15;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function gzipSize(files: string[]): number {
  return files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
}

/** React's own production size: a page that only renders one element, built by vite like ours. */
async function buildReactAlone(): Promise<string[]> {
  // Inside node_modules/.cache so 'react' resolves from the project's node_modules.
  const root = path.join(projectRoot, 'node_modules/.cache/council-bench-react');
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./main.js"></script>');
  fs.writeFileSync(path.join(root, 'main.js'), "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(createElement('h1', null, 'ready'));\n");
  const { build } = await import('vite');
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: false, logLevel: 'warn', mode: 'production', build: { outDir: path.join(root, 'dist'), target: 'chrome130', modulePreload: { polyfill: false } } });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  const dir = path.join(root, 'dist/assets');
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  return files;
}

export async function run(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-bench-ui-'));
  const t0 = performance.now();
  const staticDir = await buildRenderer(path.join(work, 'renderer'));
  console.log(`vite build: ${(performance.now() - t0).toFixed(0)} ms`);
  fs.writeFileSync(path.join(staticDir, 'blank.html'), '<!doctype html><html><body><h1 id="ready">ready</h1></body></html>');
  const running = await startCouncilWebHost({ dbPath: path.join(work, 'council.sqlite'), staticDir });
  const browser = await launchChromium();
  try {
    const measure = async (url: string, selector: string): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.locator(selector).first().waitFor({ state: 'visible' });
      const ms = performance.now() - start;
      await context.close();
      return ms;
    };
    // One warm-up of each (Chromium's own first-use costs are not ours).
    await measure(`${running.host.origin}/blank.html`, '#ready');
    await measure(running.host.url, '[data-action=new-session]');
    const blank: number[] = [];
    const app: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      blank.push(await measure(`${running.host.origin}/blank.html`, '#ready'));
      app.push(await measure(running.host.url, '[data-action=new-session]'));
    }
    const b = median(blank);
    const a = median(app);
    console.log(`cold start to interactive (median of ${RUNS}): app ${a.toFixed(0)} ms, blank page ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)}x`);
  } finally {
    await browser.close();
    await running.stop();
  }

  const assets = fs.readdirSync(path.join(staticDir, 'assets')).map((f) => path.join(staticDir, 'assets', f));
  const js = assets.filter((f) => f.endsWith('.js'));
  const css = assets.filter((f) => f.endsWith('.css'));
  const ours = gzipSize([...js, ...css]);
  const base = gzipSize(await buildReactAlone());
  const raw = [...js, ...css].reduce((n, f) => n + fs.statSync(f).size, 0);
  console.log(`renderer bundle: ${(raw / 1024).toFixed(1)} KiB raw, ${(ours / 1024).toFixed(1)} KiB gzip (js ${(gzipSize(js) / 1024).toFixed(1)}, css ${(gzipSize(css) / 1024).toFixed(1)})`);
  console.log(`React alone (react + react-dom/client, same vite build): ${(base / 1024).toFixed(1)} KiB gzip; ratio ${(ours / base).toFixed(2)}x`);
  fs.rmSync(work, { recursive: true, force: true });
}
