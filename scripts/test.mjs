// `npm test`: every test, on a fresh machine too. The suites look at things as a person would, with
// programs that npm does not ship (Chromium for the UI, LibreOffice and poppler for the rendered minutes,
// python3-docx as an independent reader of the .docx). Missing ones are installed with apt when we are
// root on Debian/Ubuntu (as `playwright install --with-deps` does); otherwise the run stops at once with
// the exact command to type. No suite ever skips itself. Then vitest runs under Node 22 (scripts/node22.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runUnderNode22 } from './node22.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each Debian package the tests need, with how to tell it is there. */
export const SYSTEM_PACKAGES = [
  { pkg: 'chromium', present: () => fs.existsSync(process.env.COUNCIL_CHROMIUM ?? '/usr/bin/chromium') },
  { pkg: 'libreoffice-writer-nogui', present: () => onPath('soffice') },
  { pkg: 'poppler-utils', present: () => onPath('pdftotext') && onPath('pdftoppm') },
  { pkg: 'python3-docx', present: () => run('/usr/bin/python3', ['-c', 'import docx']) },
  { pkg: 'fonts-hosny-amiri', present: () => dpkgHas('fonts-hosny-amiri') },
  { pkg: 'fonts-noto-core', present: () => dpkgHas('fonts-noto-core') },
  { pkg: 'fonts-kacst', present: () => dpkgHas('fonts-kacst') },
];

function run(cmd, args) {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}
function onPath(cmd) {
  return run('sh', ['-c', `command -v ${cmd}`]);
}
function dpkgHas(pkg) {
  return run('dpkg', ['-s', pkg]);
}

export function installCommand(pkgs) {
  return `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
}

function provideSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && onPath('apt-get')) {
    console.error(`npm test: installing the Debian packages the tests drive: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', ...missing],
      { stdio: ['ignore', 'ignore', 'inherit'], env },
    );
    const still = SYSTEM_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
    if (update.status === 0 && install.status === 0 && still.length === 0) return;
    console.error(`npm test: the install did not complete; missing: ${still.join(' ')}`);
  }
  console.error(
    `npm test needs these Debian/Ubuntu packages, which are missing: ${missing.join(' ')}\n` +
      `Run, as root:\n  ${installCommand(missing)}\nthen npm test again.`,
  );
  process.exit(1);
}

provideSystemPackages();
await runUnderNode22(path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), ['run', ...process.argv.slice(2)]);
