// A JSON session bundle carries no seal: a forger can edit a locked session's record in any text editor.
// So a bundle claiming a locked session is refused (naming session.lockedAt), writing nothing, unless the
// user asks for an unverified copy: then it arrives unlocked and marked, as a .zip whose seal fails does.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/council';
import { exportSessionBundle } from '../../src/bundle/export';
import { importSessionBundle } from '../../src/bundle/import';
import { LockedBundleError } from '../../src/errors';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { snapshot } from '../lock/fixture';
import { approvedSession } from '../seal/world';

const open: TempDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.cleanup();
});
async function track(p: Promise<TempDb>) {
  const db = await p;
  open.push(db);
  return db;
}

async function forgedBundle() {
  const a = await track(openTempDb());
  const { ids } = await approvedSession(a);
  const bundle = JSON.parse(JSON.stringify(await exportSessionBundle(a.db, ids.sessionId)));
  expect(bundle.session.lockedAt).toBeTruthy();
  // The forger's edit: a decision's words changed in the file.
  const decision = bundle.decisions.find((d: { id: string }) => d.id === ids.decisionId);
  decision.textAr = 'قرار لم يتخذه المجلس';
  return { bundle, ids };
}

describe('JSON bundle claiming a locked session', () => {
  it('is refused, naming session.lockedAt, and writes nothing', async () => {
    const { bundle, ids } = await forgedBundle();
    const b = await track(openTempDb());
    const before = snapshot(b.sqlite);
    const err = await importSessionBundle(b.ctx, bundle).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LockedBundleError);
    expect((err as LockedBundleError).field).toBe('session.lockedAt');
    expect((err as LockedBundleError).issueCode).toBe('import_locked_bundle');
    expect((err as Error).message).toMatch(/travels only as a sealed \.zip/);
    expect(snapshot(b.sqlite)).toEqual(before);
    expect(b.sqlite.prepare('select count(*) n from council_session where id = ?').get(ids.sessionId)).toEqual({ n: 0 });
  });

  it('arrives unlocked and marked as an unverified copy when asked', async () => {
    const { bundle, ids } = await forgedBundle();
    const b = await track(openTempDb());
    const result = await importSessionBundle(b.ctx, bundle, { unverifiedCopy: true });
    expect(result.unverifiedCopy).toEqual({ reason: 'no_seal', detail: expect.stringContaining('JSON') });
    const row = b.sqlite.prepare('select locked_at from council_session where id = ?').get(ids.sessionId) as { locked_at: string | null };
    expect(row.locked_at).toBeNull();
    const mark = b.sqlite.prepare('select reason, claimed_locked_at from unverified_copy where session_id = ?').get(ids.sessionId);
    expect(mark).toEqual({ reason: 'no_seal', claimed_locked_at: bundle.session.lockedAt });
    const audit = b.sqlite.prepare(`select after_json from audit_entry where action = 'bundle.import' and entity_id = ?`).get(ids.sessionId) as { after_json: string };
    expect(JSON.parse(audit.after_json)).toMatchObject({ lockedAt: null, unverifiedCopy: { reason: 'no_seal' } });
  });

  it('an unlocked bundle imports as before, without a mark', async () => {
    const { bundle, ids } = await forgedBundle();
    bundle.session.lockedAt = null;
    const b = await track(openTempDb());
    const result = await importSessionBundle(b.ctx, bundle);
    expect(result.unverifiedCopy).toBeUndefined();
    expect(b.sqlite.prepare('select count(*) n from unverified_copy').get()).toEqual({ n: 0 });
    expect(b.sqlite.prepare('select count(*) n from council_session where id = ?').get(ids.sessionId)).toEqual({ n: 1 });
  });

  it('council import refuses it before creating a database, and --unverified-copy brings it in marked', async () => {
    const { bundle } = await forgedBundle();
    const dir = tempDir('council-locked-json-');
    try {
      const file = path.join(dir, 'forged.json');
      fs.writeFileSync(file, JSON.stringify(bundle));
      const db = path.join(dir, 'council.sqlite');
      const run = async (...argv: string[]) => {
        const out: string[] = [];
        const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
        return { code, out: out.join('\n') };
      };
      const refused = await run('import', file, '--db', db);
      expect(refused.code).not.toBe(0);
      expect(refused.out).toMatch(/session\.lockedAt: a locked session travels only as a sealed \.zip/);
      expect(fs.existsSync(db)).toBe(false);
      const copy = await run('import', file, '--db', db, '--unverified-copy');
      expect(copy.code).toBe(0);
      expect(copy.out).toMatch(/UNVERIFIED COPY/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
