// The CLI's side of the record rules: `council check` names each broken rule of a stored database (a record
// changed by raw SQL), a bundle file that is not UTF-8 is refused naming the field and the byte offset, and
// a refused import into a path with no database creates no file.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/council';
import { registerCouncilFunctions } from '../../src/database/functions';
import { tempDir } from '../helpers/temp-db';
import { SAMPLES } from '../minutes/sample';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function workspace() {
  const dir = tempDir('council-inv-cli-');
  dirs.push(dir);
  return { dir, db: path.join(dir, 'council.sqlite') };
}

describe('council check: the record rules of a stored database', () => {
  it('is ok for the samples, and names each rule that raw SQL broke', async () => {
    const { db } = workspace();
    await cli('import', path.join(SAMPLES, 'baghdad-65.json'), '--db', db);
    await cli('import', path.join(SAMPLES, 'agadir-66.json'), '--db', db);
    const ok = await cli('check', '--db', db);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('record rules: ok');

    const sqlite = new BetterSqlite3(db);
    registerCouncilFunctions(sqlite); // the search and lock triggers call them
    const session = (sqlite.prepare('select id from council_session where number = 66').get() as { id: string }).id;
    sqlite.prepare(`update vote set yes = yes + 1 where session_id = ? and held_at like '2024-11-12%'`).run(session);
    sqlite.prepare(`update council_session set quorum_rule = '0' where id = ?`).run(session);
    sqlite.prepare(`update note set text = 'a' || char(0) || 'b' where id = (select id from note where session_id = ? order by at, id limit 1)`).run(session);
    sqlite.close();
    const broken = await cli('check', '--db', db);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/record rules: \d+ broken/);
    expect(broken.out).toMatch(/session ordinary:66: notes\.0\.text: a control character U\+0000/);
    expect(broken.out).toMatch(/session ordinary:66: session\.quorumRule: unknown quorum rule "0"/);
    expect(broken.out).toMatch(/session ordinary:66: votes\.0\.yes: 11, but the ballots count 10 \[rule\.tally\]/);
    expect(broken.out).not.toMatch(/ordinary:65/);
  });
});

describe('council import: text and files', () => {
  it('refuses a bundle that is not UTF-8, naming the field and the byte offset', async () => {
    const { dir, db } = workspace();
    const text = fs.readFileSync(path.join(SAMPLES, 'agadir-66.json'));
    const at = text.indexOf(Buffer.from('Le Conseil'));
    expect(at).toBeGreaterThan(0);
    const bytes = Buffer.from(text);
    bytes[at + 3] = 0xff; // "Le \xFFonseil", in the first motion's French text
    const file = path.join(dir, 'latin1.json');
    fs.writeFileSync(file, bytes);
    const r = await cli('import', file, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`motions\\.0\\.textFr: not valid UTF-8: byte 0xFF at offset ${at + 3}`));
    expect(fs.existsSync(db)).toBe(false);
  });

  it('creates no database file when the import into a new path is refused', async () => {
    const { dir, db } = workspace();
    const bad = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'agadir-66.json'), 'utf8'));
    bad.votes[0].castingVote = 'yes';
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    const r = await cli('import', file, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain("votes.0.castingVote: the session's rules give the chair no casting vote");
    expect(fs.readdirSync(dir)).toEqual(['bad.json']);
  });
});
