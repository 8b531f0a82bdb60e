// electron-builder.yml and the release workflow, checked without running electron-builder (which must
// not run here): the config validates against electron-builder's own JSON schema and carries every
// security setting; the workflow builds on Windows and macOS with secrets from the environment only.
// js-yaml and ajv are pinned in devDependencies at the versions electron-builder itself uses.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
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

  it('unpacks better-sqlite3 from the asar and rebuilds it for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
    expect(pkg.dependencies['better-sqlite3']).toBeTruthy();
  });

  it('builds Windows NSIS and macOS DMG for x64 and arm64, hardened and notarised from env', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(config.mac.entitlements).toBe('resources/entitlements.mac.plist');
    expect(read('electron-builder.yml')).not.toMatch(/APPLE_APP_SPECIFIC_PASSWORD:|password:\s*\S/i);
  });

  it('grants the macOS app nothing but JIT', () => {
    const plist = read(config.mac.entitlements).replace(/<!--[\s\S]*?-->/g, '');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
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
    expect(test.container).toMatch(/bookworm/);
    expect(test.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(['bash .ci/run']);
    expect(job.needs).toBe('test');
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
