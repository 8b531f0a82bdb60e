// The desktop app's smoke test: the real app, started and driven as a secretary would drive it, through
// the UI's own door (window.council in the page). Runs on the desktop workflow's Windows and macOS
// runners against real Electron (.github/workflows/desktop.yml), and in `npm test` against a recording
// stand-in of Playwright's Electron API backed by the real core (tests/main/smoke.test.ts), so its call
// sequence is checked on every change.
//
//   node scripts/smoke/electron-smoke.mjs                       the checkout (npm run build first): full path
//   node scripts/smoke/electron-smoke.mjs --installed <app>     an installed app (.exe or .app): short path
//
// Every step logs one line; the first failure stops the run with its step named (exit code 1).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

/** The fuses electron-builder.yml flips, as @electron/fuses reads them back ('0' off, '1' on). */
export const EXPECTED_FUSES = {
  RunAsNode: '0',
  EnableCookieEncryption: '1',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
  GrantFileProtocolExtraPrivileges: '0',
};
const FUSE_INDEX = {
  RunAsNode: 0,
  EnableCookieEncryption: 1,
  EnableNodeOptionsEnvironmentVariable: 2,
  EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4,
  OnlyLoadAppFromAsar: 5,
  GrantFileProtocolExtraPrivileges: 7,
};

export class SmokeFailure extends Error {
  constructor(step, message) {
    super(`${step}: ${message}`);
    this.step = step;
  }
}

/** A signature image: a real PNG (64 × 24, a dark stroke on white) made here, so its bytes are known. */
export function signaturePng() {
  const width = 64;
  const height = 24;
  const raw = Buffer.alloc((width * 3 + 1) * height, 0xff);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    const x = Math.round(4 + (y * (width - 8)) / height);
    for (let dx = 0; dx < 3; dx++) raw.fill(0x20, y * (width * 3 + 1) + 1 + (x + dx) * 3, y * (width * 3 + 1) + 1 + (x + dx + 1) * 3);
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + body.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 4 + body.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const localDate = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Fuse wire (as getCurrentFuseWire returns it) against EXPECTED_FUSES: the names that differ. */
export function fuseMismatches(wire) {
  return Object.entries(EXPECTED_FUSES)
    .filter(([name, want]) => String.fromCharCode(Number(wire[FUSE_INDEX[name]])) !== want && String(wire[FUSE_INDEX[name]]) !== want)
    .map(([name]) => name);
}

/**
 * One run. `deps.launch()` starts the app and resolves to { app, page } (app: close(), evaluate() in the
 * main process when available; page: Playwright's Page); `deps.spawnSecond()` starts another copy on the
 * same data and resolves to its exit code (it must exit by itself); `deps.readFuses()` returns the
 * packaged binary's fuse wire (null in development, where the fuses are not flipped).
 */
export async function runSmoke(deps, { short = false, log = console.log } = {}) {
  const step = async (name, fn) => {
    try {
      const value = await fn();
      log(`ok   ${name}`);
      return value;
    } catch (err) {
      throw err instanceof SmokeFailure ? err : new SmokeFailure(name, err instanceof Error ? err.message : String(err));
    }
  };
  const check = (condition, message) => {
    if (!condition) throw new Error(message);
  };

  let running = await step('launch', () => deps.launch());
  const problems = [];
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  };
  watch(running.page);

  const call = async (page, name, input) => {
    const result = await page.evaluate(([n, i]) => window.council.call(n, i), [name, input]);
    if (!result || !result.ok) throw new Error(`${name} refused: ${JSON.stringify(result?.error)}`);
    return result.value;
  };

  const rendered = async (page) => {
    await page.waitForSelector('#root > *', { timeout: 30_000 });
    check(page.url().startsWith('app://council/'), `the UI came from ${page.url()}, not app://council/`);
    const globals = await page.evaluate(() => ({
      require: typeof require,
      process: typeof process,
      module: typeof module,
      council: typeof window.council?.call,
    }));
    check(globals.require === 'undefined' && globals.process === 'undefined' && globals.module === 'undefined', `Node globals in the page: ${JSON.stringify(globals)}`);
    check(globals.council === 'function', 'window.council.call is missing');
  };
  await step('the UI renders from app://council with no Node globals', () => rendered(running.page));
  const info = await step('appInfo', () => running.page.evaluate(() => window.council.appInfo()));
  const databasePath = info.databasePath;

  // The record: yesterday's sitting, so every instant is in the past wherever the runner is.
  const yesterday = new Date(Date.now() - 86_400_000);
  const sittingStart = new Date(yesterday);
  sittingStart.setHours(9, 0, 0, 0);
  const at = (minutes) => new Date(sittingStart.getTime() + minutes * 60_000).toISOString();
  const page = () => running.page;

  const states = await step('member states', async () => {
    const list = (await call(page(), 'memberStates.list', {})).filter((s) => s.active !== false);
    check(list.length > 0, 'no member states on a new database');
    return list;
  });
  const number = 900 + Math.floor(Math.random() * 90);
  const session = await step('session created', () =>
    call(page(), 'sessions.create', {
      kind: 'extraordinary',
      number,
      venue: { city: { ar: 'الرباط', en: 'Rabat', fr: 'Rabat' }, country: { ar: 'المملكة المغربية', en: 'Morocco', fr: 'Maroc' } },
      startDate: localDate(yesterday),
      endDate: localDate(new Date()),
    }),
  );
  const sitting = await step('sitting opened', () => call(page(), 'sittings.create', { sessionId: session.id, startsAt: at(0) }));
  const delegations = await step('delegations', async () => {
    const out = [];
    for (const state of states) {
      out.push(
        await call(page(), 'delegations.createMember', {
          sessionId: session.id,
          memberStateId: state.id,
          delegates: [{ fullName: `رئيس وفد ${state.nameAr}`, title: 'رئيس الوفد', role: 'head' }],
        }),
      );
    }
    return out;
  });
  await step('attendance recorded', async () => {
    for (const d of delegations) await call(page(), 'attendance.arrive', { sittingId: sitting.id, delegationId: d.id, at: at(5) });
    const present = await call(page(), 'attendance.presentAt', { sittingId: sitting.id, at: at(10) });
    check(JSON.stringify(present).length > 2, 'nobody present after the arrivals');
  });

  let vote = null;
  if (!short) {
    vote = await step('roll-call vote recorded', async () => {
      const item = await call(page(), 'agenda.add', { sessionId: session.id, title: { ar: 'اعتماد الميزانية' } });
      const motion = await call(page(), 'motions.propose', { agendaItemId: item.id, text: { ar: 'يوافق المجلس على الميزانية' } });
      const roll = await call(page(), 'votes.rollCallOrder', { sessionId: session.id, sittingId: sitting.id, at: at(30) });
      check(roll.length === states.length, `roll of ${roll.length}, expected ${states.length}`);
      const recorded = await call(page(), 'votes.record', {
        motionId: motion.id,
        sittingId: sitting.id,
        at: at(30),
        ballots: roll.map((r, i) => ({ memberStateId: r.memberStateId, choice: i === 0 ? 'abstain' : 'yes' })),
      });
      return { motionId: motion.id, recorded };
    });
  }

  const png = signaturePng();
  const signature = await step('signature image stored and read back', async () => {
    await call(page(), 'signatories.set', { sessionId: session.id, roleKey: 'chair', fullName: 'رئيس المجلس', signatureImageBase64: png.toString('base64') });
    const [chair] = (await call(page(), 'signatories.list', { sessionId: session.id })).filter((s) => s.roleKey === 'chair');
    check(chair?.signature?.sha256 === sha256(png) && chair.signature.byteSize === png.length, `signature read back as ${JSON.stringify(chair?.signature)}`);
    return chair.signature;
  });

  if (!short) {
    await step('Word minutes generated', async () => {
      const docx = await call(page(), 'minutes.docx', { sessionId: session.id, lang: 'ar' });
      check(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString('latin1') === 'PK', 'the minutes are not a .docx (zip)');
    });
    await step('minutes approved, sealed as PDF, verified', async () => {
      const version = await call(page(), 'minutesVersions.create', { sessionId: session.id, language: 'ar' });
      await call(page(), 'minutesVersions.circulate', { versionId: version.id });
      await call(page(), 'minutesVersions.approve', { versionId: version.id, approvedAtSession: 'الدورة العادية' });
      const key = await call(page(), 'seal.key', {});
      check(key.pdfAvailable === true, 'the host cannot print a PDF');
      const sealed = await call(page(), 'seal.minutes', { versionId: version.id, format: 'pdf' });
      const pdf = Buffer.from(sealed.document.base64, 'base64');
      check(pdf.subarray(0, 5).toString('latin1') === '%PDF-', 'the sealed document is not a PDF');
      const manifestText = Buffer.from(sealed.manifest.base64, 'base64').toString('utf8');
      const verified = await call(page(), 'seal.verify', { fileName: sealed.document.fileName, fileBase64: sealed.document.base64, manifestText });
      check(verified.valid === true, `verification: ${JSON.stringify(verified.problems)}`);
    });
  }
  await step('backed up', async () => {
    const backup = await call(page(), 'backups.now', {});
    const list = await call(page(), 'backups.list', {});
    check(list.some((b) => b.fileName === backup.fileName), 'the new backup is not listed');
  });

  if (!short && running.app.evaluate) {
    await step('the Edit menu works in a text field', async () => {
      await page().click('[data-action=new-session]');
      const field = '[data-form=new-session] [name="venue.city.en"]';
      await page().fill(field, 'Agadir smoke');
      await page().focus(field);
      const role = (name) =>
        running.app.evaluate(({ Menu, BrowserWindow }, wanted) => {
          const find = (items) => {
            for (const item of items) {
              if ((item.role ?? '').toLowerCase() === wanted) return item;
              const inner = item.submenu && find(item.submenu.items);
              if (inner) return inner;
            }
            return null;
          };
          const item = find(Menu.getApplicationMenu().items);
          if (!item) return false;
          const win = BrowserWindow.getAllWindows()[0];
          item.click(undefined, win, win.webContents);
          return true;
        }, name);
      check(await role('selectall'), 'no Select All in the menu');
      check(await role('cut'), 'no Cut in the menu');
      check((await page().inputValue(field)) === '', 'Cut left the text in the field');
      check(await role('paste'), 'no Paste in the menu');
      check((await page().inputValue(field)) === 'Agadir smoke', 'Paste did not put the text back');
    });
  }

  check(problems.length === 0, problems.join('\n'));
  await step('second instance exits at once', async () => {
    const code = await deps.spawnSecond();
    check(code === 0, `the second instance exited with ${code}`);
  });
  await step('quits leaving no -wal file', async () => {
    await running.app.close();
    check(!fs.existsSync(`${databasePath}-wal`), `${databasePath}-wal is still there`);
  });

  running = await step('relaunch', () => deps.launch());
  watch(running.page);
  await step('relaunched: the UI renders', () => rendered(running.page));
  await step('relaunched: the data is intact', async () => {
    const again = await call(page(), 'sessions.get', { id: session.id });
    check(again.number === number, 'the session is gone');
    const [chair] = (await call(page(), 'signatories.list', { sessionId: session.id })).filter((s) => s.roleKey === 'chair');
    check(chair?.signature?.sha256 === signature.sha256, 'the signature image changed');
    const arrivals = await call(page(), 'attendance.list', { sittingId: sitting.id });
    check(arrivals.length === delegations.length, `${arrivals.length} attendance events, expected ${delegations.length}`);
    if (vote) {
      const stored = await call(page(), 'votes.get', { motionId: vote.motionId });
      check(JSON.stringify(stored.ballots?.length) === JSON.stringify(states.length), 'the vote lost ballots');
      const versions = await call(page(), 'minutesVersions.list', { sessionId: session.id });
      check(versions.some((v) => v.status === 'signed'), 'the sealed minutes are not signed any more');
    }
  });
  check(problems.length === 0, problems.join('\n'));
  await step('quits again cleanly', async () => {
    await running.app.close();
    check(!fs.existsSync(`${databasePath}-wal`), `${databasePath}-wal is still there`);
  });

  const wire = await deps.readFuses();
  if (wire) {
    await step('fuses read back as configured', () => {
      const wrong = fuseMismatches(wire);
      check(wrong.length === 0, `fuses not as configured: ${wrong.join(', ')}`);
    });
  }
  return { databasePath, sessionId: session.id };
}

// ---- real Electron (the workflow) -----------------------------------------------------------------

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The checkout, launched by Playwright as `npm start` would, on a scratch data folder. */
async function developmentDeps() {
  const { _electron } = await import('playwright-core');
  const { createRequire } = await import('node:module');
  const { spawn } = await import('node:child_process');
  const electronBinary = createRequire(path.join(root, 'package.json'))('electron');
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'council smoke '));
  const env = { ...process.env, COUNCIL_USER_DATA: userData };
  delete env.ELECTRON_RUN_AS_NODE;
  return {
    launch: async () => {
      const app = await _electron.launch({ args: [root], env, timeout: 60_000 });
      return { app, page: await app.firstWindow() };
    },
    spawnSecond: () => exitCode(spawn(electronBinary, [root], { env, stdio: 'ignore' })),
    readFuses: async () => null,
  };
}

/**
 * An installed app. Its fuses refuse --inspect, which Playwright's Electron launcher needs, so it is
 * started as a user would and driven over Chromium's DevTools protocol (--remote-debugging-port).
 */
async function installedDeps(appPath) {
  const { chromium } = await import('playwright-core');
  const { spawn } = await import('node:child_process');
  const executable = appPath.endsWith('.app') ? path.join(appPath, 'Contents', 'MacOS', path.basename(appPath, '.app')) : appPath;
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return {
    launch: async () => {
      const child = spawn(executable, ['--remote-debugging-port=0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      const endpoint = await new Promise((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error('no DevTools endpoint within 60 s')), 60_000);
        child.stderr.on('data', (chunk) => {
          text += chunk;
          const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`the app exited (${code}) before showing a window`)));
      });
      const browser = await chromium.connectOverCDP(endpoint);
      // The window's page, once it is at app://council (it may still be loading when we connect).
      let page = null;
      for (let waited = 0; !page && waited < 60_000; waited += 250) {
        page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith('app://')) ?? null;
        if (!page) await new Promise((r) => setTimeout(r, 250));
      }
      if (!page) throw new Error('no window at app://council within 60 s');
      const exited = exitCode(child);
      const app = {
        // Close the window (Windows quits with it); macOS keeps the app alive, so quit it as the system would.
        close: async () => {
          await page.close({ runBeforeUnload: false }).catch(() => undefined);
          if (process.platform === 'darwin') child.kill('SIGTERM');
          await exited;
          await browser.close().catch(() => undefined);
        },
      };
      return { app, page };
    },
    spawnSecond: () => exitCode(spawn(executable, [], { env, stdio: 'ignore' })),
    readFuses: async () => {
      const { getCurrentFuseWire } = await import('@electron/fuses');
      return getCurrentFuseWire(appPath);
    },
  };
}

function exitCode(child, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`still running after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--installed');
  const installed = i >= 0 ? process.argv[i + 1] : null;
  try {
    const deps = installed ? await installedDeps(path.resolve(installed)) : await developmentDeps();
    const { databasePath } = await runSmoke(deps, { short: Boolean(installed) });
    console.log(`smoke test passed (${databasePath})`);
  } catch (err) {
    console.error(`smoke test FAILED at ${err.message}`);
    process.exit(1);
  }
}
