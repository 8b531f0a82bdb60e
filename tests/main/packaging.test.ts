// electron-builder.yml and the release workflow, checked without running electron-builder (which must
// not run here): the config validates against electron-builder's own JSON schema and carries every
// security setting; the workflow builds on Windows and macOS with secrets from the environment only.
// js-yaml and ajv are pinned in devDependencies at the versions electron-builder itself uses.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asarContents, macroExpander, productionPackages } from '../../scripts/asar-contents.mjs';
import { tempDir } from '../helpers/temp-db';

const root = path.resolve(__dirname, '../..');
const require = createRequire(path.join(root, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const Ajv = require('ajv') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] } };

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const config = yaml.load(read('electron-builder.yml')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('is valid for electron-builder 26 (its own schema, unknown keys refused)', () => {
    const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    // The check can fail: a misspelt fuse is refused.
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
  });

  it('names the app and ships only the bundles', () => {
    expect(config.appId).toBe('org.councilminutes.app');
    expect(config.productName).toBe('Council Minutes');
    expect(config.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**', 'package.json']));
    expect(config.publish).toBeNull();
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('unpacks better-sqlite3 from the asar and never rebuilds it (one Node-API binary)', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
    // Everything else is inlined by scripts/build-main.mjs (tests/main/bundle.test.ts checks the bundle's
    // requires), so it is a devDependency and electron-builder does not copy it into the app.
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']);
    const lock = JSON.parse(read('package-lock.json'));
    expect(productionPackages(lock).sort()).toEqual(['node_modules/better-sqlite3', 'node_modules/node-addon-api']);
  });

  it('re-signs an unsigned macOS build ad hoc after flipping the fuses', () => {
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
  });

  it('installs per user or, on request, per machine (NSIS asks; the MSI is for managed deployment)', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.win.target).toContainEqual({ target: 'msi', arch: ['x64'] });
    expect(config.msi).toMatchObject({ perMachine: true });
  });

  it('builds Windows NSIS and macOS DMG for x64 and arm64, hardened and notarised from env', () => {
    expect(config.win.target[0]).toEqual({ target: 'nsis', arch: ['x64', 'arm64'] });
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(config.mac.entitlements).toBe('resources/entitlements.mac.plist');
    expect(read('electron-builder.yml')).not.toMatch(/APPLE_APP_SPECIFIC_PASSWORD:|password:\s*\S/i);
  });

  it('has its icon: resources/icon.png, 1024 × 1024, rendered from resources/icon.svg', () => {
    expect(config.directories.buildResources).toBe('resources');
    const png = fs.readFileSync(path.join(root, 'resources/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(read('resources/icon.svg')).toMatch(/viewBox="0 0 1024 1024"/);
  });

  it('grants the macOS app nothing but JIT', () => {
    const plist = read(config.mac.entitlements).replace(/<!--[\s\S]*?-->/g, '');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });
});

// The app's files for each target, computed by electron-builder's own matchers from the config (see
// scripts/asar-contents.mjs), over a stand-in dist/ and the real node_modules.
describe('what the app carries', () => {
  const app = tempDir('council-asar-');
  afterAll(() => fs.rmSync(app, { recursive: true, force: true }));
  const put = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    fs.writeFileSync(path.join(app, file), text);
  };
  put('dist/main/electron-main.cjs', 'main');
  put('dist/main/electron-main.cjs.map', 'map');
  put('dist/main/preload.cjs', 'preload');
  put('dist/renderer/index.html', '<!doctype html>');
  put('dist/renderer/assets/index.js', 'ui');
  put('package.json', read('package.json'));
  put('src/core/council.ts', 'source');
  put('resources/entitlements.mac.plist', 'plist');
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  const lock = JSON.parse(read('package-lock.json'));

  for (const [platform, arch] of [['win32', 'x64'], ['win32', 'arm64'], ['darwin', 'x64'], ['darwin', 'arm64']] as const) {
    it(`${platform}-${arch}: the bundles, package.json and better-sqlite3 with only its binary, unpacked`, () => {
      const { files } = asarContents({ appDir: app, config, lock, platform, arch });
      const paths = files.map((f) => f.path);
      expect(paths.filter((p) => !p.startsWith('node_modules/'))).toEqual([
        'dist/main/electron-main.cjs',
        'dist/main/preload.cjs',
        'dist/renderer/assets/index.js',
        'dist/renderer/index.html',
        'package.json',
      ]);
      const native = files.filter((f) => f.path.endsWith('.node'));
      expect(native).toEqual([{ path: `node_modules/better-sqlite3/prebuilds/${platform}-${arch}.node`, size: expect.any(Number), unpacked: true }]);
      expect(files.filter((f) => f.unpacked)).toEqual(native);
      expect(paths).toContain('node_modules/better-sqlite3/lib/index.js');
      expect(paths).toContain(`node_modules/better-sqlite3/lib/${platform}-${arch}.js`);
      expect(paths.filter((p) => /better-sqlite3\/(deps|src|build)\/|node-addon-api|binding\.gyp/.test(p))).toEqual([]);
    });
  }

  it('would carry everything without the filters (the check can fail)', () => {
    const { files } = asarContents({ appDir: app, config: { ...config, files: ['dist/**', 'package.json'] }, lock, platform: 'win32', arch: 'x64' });
    expect(files.filter((f) => f.path.endsWith('.node')).length).toBeGreaterThan(1);
    expect(files.some((f) => f.path.startsWith('node_modules/better-sqlite3/deps/'))).toBe(true);
  });

  it('expands the macros as electron-builder does', () => {
    expect(macroExpander({ platform: 'darwin', arch: 'arm64' })('${platform}-${arch}${/*}')).toBe('darwin-arm64{,/**/*}');
  });
});

describe('the release workflow', () => {
  const workflow = yaml.load(read('.github/workflows/release.yml')) as Record<string, any>;
  const job = workflow.jobs.build;
  const steps = job.steps as { run?: string; uses?: string; env?: Record<string, string> }[];
  const runs = steps.map((s) => s.run).filter(Boolean);

  it('builds on windows-latest and macos-latest', () => {
    expect(job.strategy.matrix.include.map((m: { os: string }) => m.os)).toEqual(['windows-latest', 'macos-latest']);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
  });

  it('runs the whole suite as CI does before building', () => {
    const test = workflow.jobs.test;
    expect(test.container).toBe('node:22-bookworm');
    expect(test.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(['bash .ci/run']);
    expect(job.needs).toBe('test');
  });

  it('uses Node 22', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))).toMatchObject({ with: { 'node-version': '22' } });
  });

  it('installs, tests the core on the platform, builds, then packages without publishing', () => {
    expect(runs).toHaveLength(4);
    expect(runs[0]).toBe('npm ci');
    expect(runs[1]).toMatch(/^npx vitest run tests\/database /);
    expect(runs.slice(2)).toEqual(['npm run build', 'npx electron-builder ${{ matrix.platform }} --publish never']);
  });

  it('reads the signing and notarisation secrets from env, only in the packaging step', () => {
    const packaging = steps.find((s) => s.run?.includes('electron-builder'))!;
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(packaging.env![name]).toBe(`\${{ secrets.${name} }}`);
    }
    const elsewhere = steps.filter((s) => s !== packaging).map((s) => JSON.stringify(s));
    expect(elsewhere.join('\n')).not.toContain('secrets.');
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });
});

describe('the desktop workflow', () => {
  const workflow = yaml.load(read('.github/workflows/desktop.yml')) as Record<string, any>;
  const job = workflow.jobs.smoke;
  const steps = job.steps as { run?: string; uses?: string; if?: string; with?: Record<string, string>; env?: Record<string, string> }[];
  const runs = steps.map((s) => s.run?.trim()).filter(Boolean) as string[];

  it('runs on every push to main, on Windows, macOS arm64 and macOS x64', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(job.strategy.matrix.include.map((m: { os: string }) => m.os)).toEqual(['windows-latest', 'macos-latest', 'macos-13']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('installs with Electron on Node 22, builds, smoke-tests the checkout, packages, installs, smoke-tests the install', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe('22');
    expect(JSON.stringify(workflow)).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    const order = ['npm ci', "require('electron')", 'npm run build', 'node scripts/smoke/electron-smoke.mjs', 'npx electron-builder', '/S', 'hdiutil attach', '--installed'];
    const at = order.map((needle) => runs.findIndex((r) => r.includes(needle)));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(fs.existsSync(path.join(root, 'scripts/smoke/electron-smoke.mjs'))).toBe(true);
    expect(JSON.stringify(workflow)).not.toContain('secrets.');
  });
});
