// The council's file is readable by any SQLite from 3.31 on, not only the one inside the app: the system's
// Python sqlite3 module (SQLite 3.40 on Debian 12) opens a file with every feature used — both sample
// sessions imported, one approved (so the lock triggers are live) and sealed — passes integrity_check,
// and reads every row of every table. Before migration 0005, the lock triggers' RAISE with an expression
// made SQLite < 3.47 refuse the whole file ("malformed database schema").
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMinutes, circulateMinutes, createMinutesVersion } from '../../src/approval/service';
import { importSessionBundle } from '../../src/bundle/import';
import { sealFile } from '../../src/seal/sign';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { smallDocx } from '../seal/docx';

const PYTHON = '/usr/bin/python3';
const samples = path.resolve(__dirname, '../../resources/samples');
let t: TempDb;
let lockedSessionId = '';
let counts: Record<string, number> = {};

beforeAll(async () => {
  t = await openTempDb();
  const ids: string[] = [];
  for (const f of fs.readdirSync(samples).filter((n) => n.endsWith('.json')).sort()) {
    const bundle = JSON.parse(fs.readFileSync(path.join(samples, f), 'utf8'));
    ids.push((await importSessionBundle(t.ctx, bundle)).sessionId);
  }
  lockedSessionId = ids[0]!;
  const sitting = t.sqlite.prepare('select id from sitting where session_id = ? order by starts_at limit 1').get(lockedSessionId) as { id: string };
  const draft = await createMinutesVersion(t.ctx, { sessionId: lockedSessionId, language: 'ar+en+fr' });
  await circulateMinutes(t.ctx, { versionId: draft.id });
  const version = await approveMinutes(t.ctx, { versionId: draft.id, approvedBySittingId: sitting.id });
  const docx = path.join(t.dir, 'minutes.docx');
  fs.writeFileSync(docx, await smallDocx());
  await sealFile(t.ctx, { versionId: version.id, filePath: docx }, { dataDir: path.join(t.dir, 'data') });
  const tables = (t.sqlite.prepare(`select name from sqlite_master where type = 'table' order by name`).all() as { name: string }[]).map((r) => r.name);
  counts = Object.fromEntries(tables.map((n) => [n, (t.sqlite.prepare(`select count(*) n from "${n}"`).get() as { n: number }).n]));
  // Fold the WAL into the file, as a copy sent to someone else would be.
  t.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await t.close();
}, 120_000);

afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

const script = `
import json, sqlite3, sys
out = {"version": sqlite3.sqlite_version}
con = sqlite3.connect(sys.argv[1])
out["integrity"] = [r[0] for r in con.execute("pragma integrity_check")]
tables = [r[0] for r in con.execute("select name from sqlite_master where type = 'table' order by name")]
out["counts"] = {}
for t in tables:
    out["counts"][t] = len(con.execute('select * from "%s"' % t).fetchall())
out["triggers"] = con.execute("select count(*) from sqlite_master where type = 'trigger'").fetchone()[0]
try:
    con.execute("update note set text = 'changed by python' where session_id = ?", (sys.argv[2],))
    con.commit()
    out["lockedWrite"] = "allowed"
except sqlite3.DatabaseError as e:
    out["lockedWrite"] = str(e)
    con.rollback()
out["notesChanged"] = con.execute("select count(*) from note where text = 'changed by python'").fetchone()[0]
print(json.dumps(out))
`;

describe("another SQLite (the system's Python, SQLite 3.40)", () => {
  it('opens the file, finds it sound and reads every row of every table', () => {
    const stdout = execFileSync(PYTHON, ['-c', script, t.path, lockedSessionId], { encoding: 'utf8' });
    const result = JSON.parse(stdout) as { version: string; integrity: string[]; counts: Record<string, number>; triggers: number; lockedWrite: string; notesChanged: number };
    // The point of the test is an SQLite older than 3.47; say so if the machine's is newer.
    const [major, minor] = result.version.split('.').map(Number) as [number, number];
    expect(major * 1000 + minor, `python's SQLite is ${result.version}`).toBeLessThan(3047);
    expect(result.integrity).toEqual(['ok']);
    expect(result.counts).toEqual(counts);
    expect(counts.seal_record).toBe(1);
    expect(counts.note).toBeGreaterThan(0);
    expect(result.triggers).toBeGreaterThan(50);
    // A tool without the app's functions still cannot change the locked record.
    expect(result.lockedWrite).not.toBe('allowed');
    expect(result.notesChanged).toBe(0);
  });
});
