// Sealing a session document, pinned where the mutation run found it loose: the follow-up report, like the
// decisions, only once the minutes are approved (refused on kind with its code); an agenda sealed with no
// record (its seal row's record hash empty); the audit entry; the files handed back as written.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealDocument } from '../../src/seal/document-seal';
import { updateOrganisationSettings } from '../../src/settings/service';
import { openTempDb, type TempDb } from '../helpers/temp-db';
import { insertSessionRecord } from '../lock/fixture';

let t: TempDb;
let dataDir: string;
beforeEach(async () => {
  t = await openTempDb();
  dataDir = path.join(t.dir, 'data');
});
afterEach(async () => t.cleanup());

describe('sealDocument', () => {
  it('refuses the follow-up report before the minutes are approved, on kind with its code', async () => {
    const { sessionId } = insertSessionRecord(t.sqlite, 66);
    await updateOrganisationSettings(t.ctx, { sealedDocuments: ['follow-up'] });
    const err = (await sealDocument(t.ctx, { sessionId, kind: 'follow-up', lang: 'en' }, { dataDir }).catch((e: unknown) => e)) as { field: string; message: string; issueCode: string };
    expect({ field: err.field, code: err.issueCode, message: err.message }).toEqual({
      field: 'kind', code: 'document_not_approved', message: 'the follow-up document is sealed once the minutes are approved (the session is not locked)',
    });
  });

  it('seals the agenda as issued: no record, audited, handed back as written', async () => {
    const { sessionId } = insertSessionRecord(t.sqlite, 66);
    await updateOrganisationSettings(t.ctx, { sealedDocuments: ['agenda'] });
    const sealed = await sealDocument(t.ctx, { sessionId, kind: 'agenda', lang: 'fr' }, { dataDir });
    expect(sealed.document).toMatchObject({ fileName: 'agenda-ordinary-66-fr.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(sealed.manifest).toMatchObject({ fileName: 'agenda-ordinary-66-fr.docx.seal.json', mimeType: 'application/json' });
    const text = Buffer.from(sealed.manifest.base64, 'base64').toString('utf8');
    const manifest = JSON.parse(text) as Record<string, unknown>;
    expect(text).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
    expect(manifest.record).toBeNull();
    const row = t.sqlite.prepare('select id, record_sha256 from seal_record').get() as { id: string; record_sha256: string };
    expect(row.record_sha256).toBe('');
    const audit = t.sqlite.prepare(`select action, entity, entity_id, after_json from audit_entry where action = 'document.seal'`).get() as Record<string, string>;
    const { publicKey: _key, ...rest } = manifest;
    expect({ ...audit, after_json: JSON.parse(audit.after_json!) as unknown }).toEqual({ action: 'document.seal', entity: 'seal_record', entity_id: row.id, after_json: rest });
  });
});
