// `council minutes` prints clock times in the venue's zone stored on the session; --tz overrides it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/council';
import { tempDir } from '../helpers/temp-db';
import { SAMPLES } from '../minutes/sample';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out: out.join('\n') };
}

/** The sentence of the HTML minutes that opens the session (the first sitting: 07:00 UTC). */
function opening(file: string): string {
  const text = fs.readFileSync(file, 'utf8').replace(/<[^>]+>/g, '\n');
  const line = text.split('\n').find((l) => /opened/i.test(l));
  expect(line).toBeTruthy();
  return line!;
}

describe('council minutes and the time zone', () => {
  it("uses the session's zone (Baghdad, UTC+3) without --tz, and --tz when given", async () => {
    const dir = tempDir('council-cli-tz-');
    dirs.push(dir);
    const db = path.join(dir, 'council.sqlite');
    expect((await cli('import', path.join(SAMPLES, 'baghdad-65.json'), '--db', db)).code).toBe(0);
    const venue = path.join(dir, 'venue.html');
    expect((await cli('minutes', 'ordinary:65', '--lang', 'en', '--out', venue, '--db', db)).code).toBe(0);
    expect(opening(venue)).toContain('10:00');
    const utc = path.join(dir, 'utc.html');
    expect((await cli('minutes', 'ordinary:65', '--lang', 'en', '--out', utc, '--db', db, '--tz', 'UTC')).code).toBe(0);
    expect(opening(utc)).toContain('07:00');
  });
});
