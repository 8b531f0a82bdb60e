// The desktop smoke test (scripts/smoke/electron-smoke.mjs), run here against the recording stand-in of
// Playwright's Electron API (tests/main/electron-standin.ts) with the real app behind it: its whole call
// sequence, each step's checks on real data, and that it fails when the app misbehaves. On the desktop
// workflow the same script drives real Electron on Windows and macOS.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPECTED_FUSES, fuseMismatches, runSmoke, signaturePng } from '../../scripts/smoke/electron-smoke.mjs';
import { tempDir } from '../helpers/temp-db';
import { StandIn } from './electron-standin';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function standIn() {
  const dir = tempDir('council smoke ');
  dirs.push(dir);
  const userData = path.join(dir, 'user data');
  return { s: new StandIn({ dir, env: { COUNCIL_USER_DATA: userData } }), userData };
}

const deps = (s: StandIn, wire: Record<number, number> | null = null) => ({
  launch: () => s.launch({ args: ['.'] }),
  spawnSecond: () => s.spawnSecond(),
  readFuses: async () => wire,
});

describe('the smoke test against the stand-in', { timeout: 120_000 }, () => {
  it('drives the whole path: UI, record, signature, minutes, seal, backup, quit, relaunch, second instance', async () => {
    const { s, userData } = standIn();
    const log: string[] = [];
    const result = await runSmoke(deps(s), { log: (line: string) => log.push(line) });
    expect(result.databasePath).toBe(path.join(userData, 'council.sqlite'));
    expect(log).toEqual([
      'ok   launch',
      'ok   the UI renders from app://council with no Node globals',
      'ok   appInfo',
      'ok   member states',
      'ok   session created',
      'ok   sitting opened',
      'ok   delegations',
      'ok   attendance recorded',
      'ok   roll-call vote recorded',
      'ok   signature image stored and read back',
      'ok   Word minutes generated',
      'ok   minutes approved, sealed as PDF, verified',
      'ok   backed up',
      'ok   the Edit menu works in a text field',
      'ok   second instance exits at once',
      'ok   quits leaving no -wal file',
      'ok   relaunch',
      'ok   relaunched: the UI renders',
      'ok   relaunched: the data is intact',
      'ok   quits again cleanly',
    ]);
    // The sequence of Electron/Playwright calls, in order (the API calls collapsed).
    const calls = s.calls.filter((c, i, all) => !(c === 'page.evaluate' && all[i - 1] === 'page.evaluate'));
    expect(calls).toEqual([
      'launch ["."]',
      'setAppUserModelId org.councilminutes.app',
      'waitForSelector #root > *',
      'page.evaluate',
      'printToPDF',
      'page.evaluate',
      'click [data-action=new-session]',
      'fill [data-form=new-session] [name="venue.city.en"]',
      'focus [data-form=new-session] [name="venue.city.en"]',
      'app.evaluate',
      'menu selectall',
      'app.evaluate',
      'menu cut',
      'app.evaluate',
      'menu paste',
      'spawn second instance',
      'setAppUserModelId org.councilminutes.app',
      'app.close',
      'launch ["."]',
      'setAppUserModelId org.councilminutes.app',
      'waitForSelector #root > *',
      'page.evaluate',
      'app.close',
    ]);
    expect(fs.existsSync(path.join(userData, 'council.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(userData, 'council.sqlite-wal'))).toBe(false);
    expect(fs.readdirSync(path.join(userData, 'backups')).length).toBeGreaterThan(0);
    // What IT staff would find in the log afterwards.
    const mainLog = fs.readFileSync(path.join(path.dirname(userData), 'appData', 'logs', 'main.log'), 'utf8');
    expect(mainLog).toMatch(/INFO  database opened: .*council\.sqlite/);
    expect(mainLog).toMatch(/INFO  backup taken: /);
    expect(mainLog.match(/INFO  quit/g)).toHaveLength(2);
  });

  it('the short path for an installed app, with its fuses read back', async () => {
    const { s } = standIn();
    const log: string[] = [];
    const wire = Object.fromEntries(Object.entries([0, 1, 0, 0, 1, 1, 1, 0]).map(([i, on]) => [Number(i), on ? 49 : 48]));
    await runSmoke(deps(s, wire), { short: true, log: (line: string) => log.push(line) });
    expect(log).not.toContain('ok   roll-call vote recorded');
    expect(log).not.toContain('ok   the Edit menu works in a text field');
    expect(log).toContain('ok   second instance exits at once');
    expect(log.at(-1)).toBe('ok   fuses read back as configured');
  });

  it('fails, naming the step, when a fuse is not as configured', async () => {
    const { s } = standIn();
    const wire = { 0: 49, 1: 49, 2: 48, 3: 48, 4: 49, 5: 49, 7: 48 };
    await expect(runSmoke(deps(s, wire), { short: true, log: () => undefined })).rejects.toThrow(/fuses read back as configured: fuses not as configured: RunAsNode/);
    expect(fuseMismatches({ 0: 48, 1: 49, 2: 48, 3: 48, 4: 49, 5: 49, 7: 48 })).toEqual([]);
    expect(Object.keys(EXPECTED_FUSES)).toHaveLength(7);
  });

  it('fails when the page has Node globals', async () => {
    const { s } = standIn();
    const launch = async () => {
      const running = await s.launch();
      const evaluate = running.page.evaluate.bind(running.page);
      running.page.evaluate = (fn, arg) => evaluate(new Function(`return (${fn.toString().replace('typeof require', "'function'")})`)(), arg);
      return running;
    };
    await expect(runSmoke({ ...deps(s), launch }, { log: () => undefined })).rejects.toThrow(/no Node globals: Node globals in the page/);
  });

  it('fails when a second instance starts a window', async () => {
    const { s } = standIn();
    await expect(runSmoke({ ...deps(s), spawnSecond: () => s.launch().then(() => 0) }, { log: () => undefined })).rejects.toThrow(/second instance exits at once/);
  });

  it('makes a real PNG for the signature', () => {
    const png = signaturePng();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(64);
    expect(png.readUInt32BE(20)).toBe(24);
  });
});
