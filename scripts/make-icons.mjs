// The app icon from its one source, resources/icon.svg: rendered by Chromium (playwright-core, the
// machine's Chromium; never `npx playwright install`) to resources/icon.png, 1024 × 1024 with a transparent
// background. electron-builder makes the Windows .ico and the macOS .icns from that PNG
// (directories.buildResources), so only the SVG and the PNG are in the repository.
//
//   node scripts/make-icons.mjs [--chromium /usr/bin/chromium]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--chromium');
const executablePath = i >= 0 ? process.argv[i + 1] : process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const svg = fs.readFileSync(path.join(root, 'resources', 'icon.svg'), 'utf8');
const size = 1024;

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const out = path.join(root, 'resources', 'icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`${path.relative(root, out)}: ${fs.statSync(out).size} bytes`);
} finally {
  await browser.close();
}
