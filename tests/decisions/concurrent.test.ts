// Two secretaries recording decisions into the same session at once, from two processes on one file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteDecision, listDecisions, recordDecision } from '../../src/decisions/service';
import { makeWorld, type World } from './world';

const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'concurrent-writer.ts');
const PER_WRITER = 30;

function startWriter(args: string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

async function waitFor(file: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let w: World;
afterEach(async () => {
  await w?.t.cleanup();
});

describe('numbering under concurrent recording', () => {
  it('gives distinct, contiguous serials with none lost, after a deletion too', { timeout: 120_000 }, async () => {
    w = await makeWorld();
    const at = '2024-11-20T11:00:00Z';
    // A number already used and deleted: the writers must continue after it, not reuse it.
    const first = await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text: { ar: 'قرار أول' } });
    await deleteDecision(w.t.ctx, { id: first.id });

    const barrier = fs.mkdtempSync(path.join(w.t.dir, 'barrier-'));
    const runs = ['A', 'B'].map((label) => startWriter([w.t.path, w.item.id, String(PER_WRITER), barrier, label]));
    await Promise.all(['A', 'B'].map((label) => waitFor(path.join(barrier, `ready-${label}`))));
    fs.writeFileSync(path.join(barrier, 'go'), '');
    // This process writes too, between the other two.
    const mine: number[] = [];
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 10));
      mine.push((await recordDecision(w.t.ctx, { agendaItemId: w.item.id, adoptedAt: at, text: { ar: `قرار ${i}` } })).serial);
    }
    const [a, b] = await Promise.all(runs);

    const all = [...a!, ...b!, ...mine].sort((x, y) => x - y);
    const total = 2 * PER_WRITER + 10;
    expect(all).toEqual(Array.from({ length: total }, (_, i) => i + 2));
    // Each writer saw its own numbers rise.
    for (const list of [a!, b!, mine]) expect([...list].sort((x, y) => x - y)).toEqual(list);

    const stored = await listDecisions(w.t.ctx, { sessionId: w.session.id });
    expect(stored.map((d) => d.serial)).toEqual(all);
    expect(new Set(stored.map((d) => d.number.ar)).size).toBe(total);
    expect(stored.every((d) => d.number.en === `EC/66/${d.serial}`)).toBe(true);
    const session = await w.t.db.selectFrom('councilSession').select('lastDecisionSerial').where('id', '=', w.session.id).executeTakeFirstOrThrow();
    expect(session.lastDecisionSerial).toBe(total + 1);
  });
});
