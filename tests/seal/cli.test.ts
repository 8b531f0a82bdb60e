// The command line: verify, seal, seal-key, backup, restore, export-zip / import-zip.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/cli/commands/backup';
import '../../src/cli/commands/seal';
import '../../src/cli/commands/verify';
import '../../src/cli/commands/zip';
import { runCli } from '../../src/cli/council';
import { openDatabase } from '../../src/database/open';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { smallDocx } from './docx';
import { approvedSession } from './world';

let t: TempDb;
let lines: string[];
const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
const cli = async (...argv: string[]) => {
  lines = [];
  return runCli([...argv, '--db', t.path], io);
};
beforeEach(async () => {
  t = await openTempDb();
});
afterEach(async () => t.cleanup());

describe('council verify / seal / seal-key', () => {
  it('seals with the installation key beside the database and verifies: VALID, then what differs', async () => {
    const { version } = await approvedSession(t);
    const docx = path.join(t.dir, 'minutes.docx');
    fs.writeFileSync(docx, await smallDocx());
    expect(await cli('verify', docx)).toBe(1);
    expect(lines).toContain('NOT VALID');
    expect(lines.some((l) => l.startsWith('not_signed:'))).toBe(true);

    expect(await cli('seal', version.id, docx)).toBe(0);
    expect(fs.existsSync(docx + '.seal.json')).toBe(true);
    expect(fs.existsSync(path.join(t.dir, 'seal', 'seal-ed25519-private.pem'))).toBe(true);

    expect(await cli('verify', docx)).toBe(0);
    expect(lines.at(-1)).toBe('VALID');
    expect(lines.some((l) => l.startsWith('trusted key: ') && l.endsWith("(this installation's key)"))).toBe(true);
    expect(lines.some((l) => l.startsWith('record: compared'))).toBe(true);

    expect(await cli('seal-key')).toBe(0);
    expect(lines[0]).toMatch(/^fingerprint: ([0-9A-F]{4} ){15}[0-9A-F]{4}$/);

    // A key given by flag that is not the sealing key.
    const foreign = tempDir('foreign-');
    lines = [];
    await runCli(['seal-key', '--db', path.join(foreign, 'council.sqlite')], io);
    const foreignPem = path.join(foreign, 'seal', 'seal-ed25519-public.pem');
    expect(await cli('verify', docx, '--public-key', foreignPem)).toBe(1);
    expect(lines.some((l) => l.startsWith('wrong_key:'))).toBe(true);
    fs.rmSync(foreign, { recursive: true, force: true });

    fs.appendFileSync(docx, 'x');
    expect(await cli('verify', docx)).toBe(1);
    expect(lines.some((l) => l.startsWith('document_changed:'))).toBe(true);
  });
});

describe('council backup / restore', () => {
  it('takes and lists backups, and restores one, keeping the current file aside', async () => {
    await approvedSession(t);
    expect(await cli('backup')).toBe(0);
    const backupPath = lines[0]!.replace('backup: ', '');
    expect(fs.existsSync(backupPath)).toBe(true);
    expect(await cli('backup', '--list')).toBe(0);
    expect(lines[0]).toContain('manual');
    await approvedSession(t, 67);
    await t.close();
    t.close = async () => {};
    expect(await cli('restore', backupPath)).toBe(0);
    expect(lines.some((l) => l.startsWith('kept aside: '))).toBe(true);
    const db = await openDatabase({ path: t.path });
    expect(db.sqlite.prepare('select number from council_session').all()).toEqual([{ number: 66 }]);
    await db.close();
    expect(await cli('restore', path.join(t.dir, 'nope.sqlite'))).toBe(2);
  });
});

describe('council export-zip / import-zip', () => {
  it('moves a session and refuses to overwrite it without a choice', async () => {
    const { version } = await approvedSession(t);
    // A locked session travels with its seal: sealed here, this installation's key is trusted.
    const docx = path.join(t.dir, 'm.docx');
    fs.writeFileSync(docx, await smallDocx());
    expect(await cli('seal', version.id, docx)).toBe(0);
    const zip = path.join(t.dir, 's66.zip');
    expect(await cli('export-zip', '66', '--out', zip)).toBe(0);
    expect(await cli('import-zip', zip)).toBe(0);
    expect(lines[0]).toMatch(/identical/);
    t.sqlite.prepare(`update action_item set status = 'done'`).run();
    expect(await cli('import-zip', zip)).toBe(1);
    expect(lines).toContain('  actionItems: 0 added, 0 removed, 1 changed');
    expect(await cli('import-zip', zip, '--replace')).toBe(0);
    expect(lines[0]).toMatch(/replacing.*locked/);
    expect(t.sqlite.prepare('select status from action_item').get()).toEqual({ status: 'open' });
  });
});
