// council-record/5, rule by rule (src/seal/record5.ts): what is left out, how each kind of value is written,
// which corrigenda and member states are in, in what order. Sealing and verifying share these rules, so a
// round trip cannot see a change to one: each is pinned here on loadRecord5's own output, on a small session
// of fixed ids written with raw SQL (as an import or someone with the file would).
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/core/context';
import { CouncilSqliteDialect } from '../../src/database/dialect';
import type { Database } from '../../src/database/schema';
import { FRENCH_ARTICLES_KEY } from '../../src/member-states/french-articles';
import { recordSha256 } from '../../src/seal/record';
import { loadRecord5, NOT_IN_RECORD, recordTables, type Record5 } from '../../src/seal/record5';
import { openTempDb, type TempDb } from '../helpers/temp-db';

const AT = '2026-11-10T08:00:00.000Z';
const S = 'sess-1';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Db = BetterSqlite3.Database;
const run = (db: Db, q: string, ...args: unknown[]) => db.prepare(q).run(...args);

/**
 * The small session: states inserted IQ, MA, EG, TN (not in ISO order; TN named by nothing), the chair MA,
 * one agenda item, IQ's and EG's delegations (inserted IQ first; EG's sorts first). `ids` gives each
 * state's local id (each laptop makes its own).
 */
function world(db: Db, ids: Record<string, string> = { IQ: 'st-iq', MA: 'st-ma', EG: 'st-eg', TN: 'st-tn' }, delegationsFirst: 'IQ' | 'EG' = 'IQ') {
  const order = ['IQ', 'MA', 'EG', 'TN'];
  order.forEach((iso, i) =>
    run(
      db,
      `insert into member_state (id, iso_code, name_ar, name_en, name_fr, protocol_order, active, created_at) values (?, ?, ?, ?, ?, ?, 1, ?)`,
      ids[iso], iso, `دولة ${iso}`, `State ${iso}`, `État ${iso}`, i + 1, AT,
    ),
  );
  run(
    db,
    `insert into council_session (id, kind, number, venue_city_ar, venue_city_en, venue_city_fr, venue_country_ar,
     venue_country_en, venue_country_fr, start_date, end_date, languages_json, chair_state_id, rapporteur_state_id,
     status, member_count, quorum_rule, default_majority_rule, chair_casting_vote, allow_inquorate_votes,
     last_decision_serial, locked_at, created_at, updated_at)
     values (?, 'ordinary', 66, 'أكادير', 'Agadir', 'Agadir', 'المغرب', 'Morocco', 'Maroc', '2026-11-10', '2026-11-11',
     '["ar","en","fr"]', ?, null, 'in_progress', 21, 'none', 'simple_majority_of_votes_cast', 0, 0, 0, null, ?, ?)`,
    S, ids.MA, AT, AT,
  );
  run(
    db,
    `insert into agenda_item (id, session_id, parent_id, position, standing_key, title_ar, title_en, title_fr, presenter, document_refs_json, status, created_at)
     values ('ai-1', ?, null, 1, null, 'الميزانية', 'Budget', 'Budget', 'DG', '[]', 'discussed', ?)`,
    S, AT,
  );
  const delegation = (iso: string) =>
    run(
      db,
      `insert into delegation (id, session_id, kind, member_state_id, name_ar, name_en, name_fr, credentials_received_on, created_at)
       values (?, ?, 'member', ?, '', '', '', '2026-11-09', ?)`,
      `dl-${iso.toLowerCase()}`, S, ids[iso], AT,
    );
  for (const iso of delegationsFirst === 'IQ' ? ['IQ', 'EG'] : ['EG', 'IQ']) delegation(iso);
}

const SESSION_ROW = {
  id: S, kind: 'ordinary', number: 66, venueCityAr: 'أكادير', venueCityEn: 'Agadir', venueCityFr: 'Agadir',
  venueCountryAr: 'المغرب', venueCountryEn: 'Morocco', venueCountryFr: 'Maroc', startDate: '2026-11-10', endDate: '2026-11-11',
  languagesJson: '["ar","en","fr"]', chairStateId: 'iso:MA', status: 'in_progress', memberCount: 21, quorumRule: 'none',
  defaultMajorityRule: 'simple_majority_of_votes_cast', chairCastingVote: 0, allowInquorateVotes: 0, lastDecisionSerial: 0,
  createdAt: AT, updatedAt: AT,
};
const AGENDA_ITEM = {
  id: 'ai-1', sessionId: S, position: 1, titleAr: 'الميزانية', titleEn: 'Budget', titleFr: 'Budget', presenter: 'DG',
  documentRefsJson: '[]', status: 'discussed', createdAt: AT,
};
const delegationRow = (iso: string) => ({
  id: `dl-${iso.toLowerCase()}`, sessionId: S, kind: 'member', memberStateId: `iso:${iso}`, credentialsReceivedOn: '2026-11-09', createdAt: AT,
});
const stateRow = (iso: string) => ({ isoCode: iso, nameAr: `دولة ${iso}`, nameEn: `State ${iso}`, nameFr: `État ${iso}` });
const BASE: Record5 = {
  format: 'council-record/5',
  session: SESSION_ROW,
  tables: { agenda_item: [AGENDA_ITEM], delegation: [delegationRow('EG'), delegationRow('IQ')] },
  memberStates: [stateRow('EG'), stateRow('IQ'), stateRow('MA')],
};

let t: TempDb;
beforeEach(async () => {
  t = await openTempDb();
});
afterEach(async () => t.cleanup());

const load = (upTo?: number, db: TempDb = t) => inTransaction(db.ctx, (tx) => loadRecord5(tx, S, upTo));
const hash = async (upTo?: number, db: TempDb = t) => recordSha256(await load(upTo, db));
/** A statement run with foreign keys off: a damaged or hand-edited file, which the record must still read. */
function withoutForeignKeys(q: string, ...args: unknown[]) {
  t.sqlite.pragma('foreign_keys = off');
  try {
    run(t.sqlite, q, ...args);
  } finally {
    t.sqlite.pragma('foreign_keys = on');
  }
}

describe('council-record/5: the session, its tables and its states', () => {
  it('is every non-empty column of the session and its rows, states as iso:XX, only the states it names (by ISO code)', async () => {
    world(t.sqlite);
    expect(await load()).toStrictEqual(BASE);
  });

  it('refuses a session that does not exist', async () => {
    world(t.sqlite);
    await expect(inTransaction(t.ctx, (tx) => loadRecord5(tx, 'no-such-session'))).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('is the same on two laptops whose state ids differ and whose rows went in in another order', async () => {
    world(t.sqlite);
    const other = await openTempDb();
    try {
      world(other.sqlite, { IQ: 'x-1', MA: 'x-2', EG: 'x-3', TN: 'x-4' }, 'EG');
      expect(await load(undefined, other)).toStrictEqual(BASE);
      expect(await hash(undefined, other)).toBe(await hash());
    } finally {
      await other.cleanup();
    }
  });

  it('orders rows by their canonical JSON, not by id nor as inserted', async () => {
    world(t.sqlite);
    // dl-a sorts first by id and went in first; dl-b's canonical JSON (createdAt first) sorts before it.
    run(t.sqlite, `insert into delegation (id, session_id, kind, name_ar, name_en, name_fr, created_at) values ('dl-a', ?, 'observer', 'أ', 'A', 'A', '2026-11-10T09:00:00.000Z')`, S);
    run(t.sqlite, `insert into delegation (id, session_id, kind, name_ar, name_en, name_fr, created_at) values ('dl-b', ?, 'observer', 'ب', 'B', 'B', '2026-11-10T07:00:00.000Z')`, S);
    const ids = (await load()).tables.delegation!.map((d) => d.id);
    expect(ids).toEqual(['dl-b', 'dl-eg', 'dl-iq', 'dl-a']);
  });

  it("a member state's names are in it, its local columns (id, protocol order, active, timestamps) are not", async () => {
    world(t.sqlite);
    const before = await hash();
    t.sqlite.exec(`alter table member_state add column updated_at text`);
    run(t.sqlite, `update member_state set protocol_order = 9, active = 0, created_at = '2027-01-01', updated_at = '2027-01-02' where iso_code = 'MA'`);
    expect(await load()).toStrictEqual(BASE);
    expect(await hash()).toBe(before);
    run(t.sqlite, `update member_state set name_fr = 'Royaume du Maroc' where iso_code = 'MA'`);
    expect((await load()).memberStates).toStrictEqual([stateRow('EG'), stateRow('IQ'), { ...stateRow('MA'), nameFr: 'Royaume du Maroc' }]);
    expect(await hash()).not.toBe(before);
  });

  it("a member_state column added later is in it when it holds a value, not when NULL or ''", async () => {
    world(t.sqlite);
    t.sqlite.exec(`alter table member_state add column short_en text`);
    t.sqlite.exec(`alter table member_state add column short_fr text not null default ''`);
    expect(await load()).toStrictEqual(BASE);
    run(t.sqlite, `update member_state set short_en = 'Egypt' where iso_code = 'EG'`);
    expect((await load()).memberStates[0]).toStrictEqual({ ...stateRow('EG'), shortEn: 'Egypt' });
  });

  it('a state id that names no state is written as itself; bytes in an id column are hashed as bytes', async () => {
    world(t.sqlite);
    withoutForeignKeys(`update delegation set member_state_id = 'gone' where id = 'dl-iq'`);
    withoutForeignKeys(`update delegation set member_state_id = x'00ff' where id = 'dl-eg'`);
    const r = await load();
    expect(r.tables.delegation).toStrictEqual([
      { ...delegationRow('EG'), memberStateId: `sha256:${sha(Uint8Array.of(0, 255))}` },
      { ...delegationRow('IQ'), memberStateId: 'iso:gone' },
    ]);
    // Neither names a state any more: only the chair's is left.
    expect(r.memberStates).toStrictEqual([stateRow('MA')]);
  });
});

describe('council-record/5: what is left out', () => {
  function actionItem(status = 'open') {
    run(
      t.sqlite,
      `insert into action_item (id, session_id, decision_id, description, responsible_kind, responsible_unit, responsible_state_id, due_date, status, created_at)
       values ('act-1', ?, null, 'تنفيذ', 'member_state', '', ?, '2027-05-01', ?, ?)`,
      S, 'st-tn', status, AT,
    );
  }
  const ACTION_ITEM = { id: 'act-1', sessionId: S, description: 'تنفيذ', responsibleKind: 'member_state', responsibleStateId: 'iso:TN', dueDate: '2027-05-01', createdAt: AT };

  it("an action item's status is not in it (follow-up after the lock); its description is", async () => {
    world(t.sqlite);
    actionItem();
    const r = await load();
    expect(r.tables.action_item).toStrictEqual([ACTION_ITEM]);
    // Its responsible state is named by it, so is in it.
    expect(r.memberStates).toStrictEqual([stateRow('EG'), stateRow('IQ'), stateRow('MA'), stateRow('TN')]);
    const before = await hash();
    run(t.sqlite, `update action_item set status = 'done' where id = 'act-1'`);
    expect(await load()).toStrictEqual(r);
    expect(await hash()).toBe(before);
    run(t.sqlite, `update action_item set description = 'تنفيذ القرار' where id = 'act-1'`);
    expect(await hash()).not.toBe(before);
  });

  function signatory(attachmentId: string | null = null) {
    run(
      t.sqlite,
      `insert into signatory (id, session_id, role_key, position, full_name, title_ar, title_en, title_fr, signature_attachment_id, created_at, updated_at)
       values ('sig-1', ?, 'chair', 1, 'أحمد', 'رئيس المجلس', 'Chair', 'Président', ?, ?, ?)`,
      S, attachmentId, AT, AT,
    );
  }
  const SIGNATORY = { id: 'sig-1', sessionId: S, roleKey: 'chair', position: 1, fullName: 'أحمد', titleAr: 'رئيس المجلس', titleEn: 'Chair', titleFr: 'Président' };

  it("a signatory's createdAt and updatedAt are not in it (when a name was typed); the name is", async () => {
    world(t.sqlite);
    signatory();
    const r = await load();
    expect(r.tables.signatory).toStrictEqual([SIGNATORY]);
    const before = await hash();
    run(t.sqlite, `update signatory set created_at = '2027-01-01', updated_at = '2027-01-02' where id = 'sig-1'`);
    expect(await load()).toStrictEqual(r);
    expect(await hash()).toBe(before);
    run(t.sqlite, `update signatory set full_name = 'أحمد علي' where id = 'sig-1'`);
    expect(await hash()).not.toBe(before);
  });

  it('no row of a table named in NOT_IN_RECORD is in it, and each says why it is left out', async () => {
    world(t.sqlite);
    run(t.sqlite, `insert into motion (id, session_id, agenda_item_id, text_ar, text_en, text_fr, status, created_at) values ('mo-1', ?, 'ai-1', 'نص', 'Text', 'Texte', 'proposed', ?)`, S, AT);
    run(t.sqlite, `insert into sitting (id, session_id, number, starts_at, created_at) values ('sit-1', ?, 1, ?, ?)`, S, AT, AT);
    const before = await load();
    const beforeHash = await hash();
    const png = Uint8Array.of(137, 80, 78, 71);
    run(t.sqlite, `insert into minutes_version (id, session_id, version, language, status, created_at) values ('mv-1', ?, 1, 'ar', 'draft', ?)`, S, AT);
    run(
      t.sqlite,
      `insert into seal_record (id, session_id, minutes_version_id, file_kind, file_name, file_sha256, record_sha256, fingerprint, signature, signed_at)
       values ('seal-1', ?, 'mv-1', 'docx', 'm.docx', 'aa', 'bb', 'cc', 'dd', ?)`,
      S, AT,
    );
    run(t.sqlite, `insert into attachment (id, session_id, kind, mime, file_name, byte_size, sha256, bytes, created_at) values ('att-1', ?, 'scan', 'image/png', 's.png', 4, ?, ?, ?)`, S, sha(png), png, AT);
    run(t.sqlite, `insert into audit_entry (at, actor, action, entity, entity_id, session_id) values (?, 'test', 'update', 'motion', 'mo-1', ?)`, AT, S);
    run(t.sqlite, `insert into open_roll_call (motion_id, session_id, sitting_id, opened_at) values ('mo-1', ?, 'sit-1', ?)`, S, AT);
    run(t.sqlite, `insert into open_roll_call_ballot (motion_id, session_id, member_state_id, choice, keyed_at) values ('mo-1', ?, 'st-tn', 'yes', ?)`, S, AT);
    run(t.sqlite, `insert into session_lock_override (session_id, reason) values (?, 'test')`, S);
    run(t.sqlite, `insert into unverified_copy (session_id, reason, detail, imported_at) values (?, 'unsealed', 'x', ?)`, S, AT);
    // Every excluded table holds a row of this session (search_doc: written by the search triggers).
    for (const table of Object.keys(NOT_IN_RECORD)) {
      expect([table, (t.sqlite.prepare(`select count(*) as n from ${table} where session_id = ?`).get(S) as { n: number }).n]).not.toEqual([table, 0]);
    }
    expect(await load()).toStrictEqual(before);
    expect(await hash()).toBe(beforeHash);
    // Changed, still not in it.
    run(t.sqlite, `update minutes_version set status = 'circulated', circulated_at = ? where id = 'mv-1'`, AT);
    run(t.sqlite, `update seal_record set record_sha256 = 'ee' where id = 'seal-1'`);
    run(t.sqlite, `update attachment set kind = 'logo', file_name = 'l.png' where id = 'att-1'`);
    run(t.sqlite, `update open_roll_call_ballot set choice = 'no' where motion_id = 'mo-1'`);
    run(t.sqlite, `update unverified_copy set detail = 'y' where session_id = ?`, S);
    expect(await load()).toStrictEqual(before);
    const tables = await inTransaction(t.ctx, (tx) => recordTables(tx));
    expect(tables.filter((x) => x in NOT_IN_RECORD)).toEqual([]);
    expect(Object.entries(NOT_IN_RECORD).filter(([, why]) => why.length < 10)).toEqual([]);
  });

  it("a column NULL, '' or not there at all hashes alike, and an empty table is left out", async () => {
    world(t.sqlite);
    const before = await hash();
    run(t.sqlite, `update delegation set credentials_received_on = null where id = 'dl-eg'`);
    const nulled = await load();
    // Without it, EG's row sorts after IQ's ("credentialsReceivedOn" < "id").
    expect(nulled.tables.delegation![1]).toStrictEqual({ id: 'dl-eg', sessionId: S, kind: 'member', memberStateId: 'iso:EG', createdAt: AT });
    run(t.sqlite, `update delegation set credentials_received_on = '' where id = 'dl-eg'`);
    expect(await load()).toStrictEqual(nulled);
    t.sqlite.exec(`alter table delegation add column later_note text`);
    t.sqlite.exec(`alter table delegation add column later_flag text not null default ''`);
    t.sqlite.exec(`create table later_rows (id text primary key, session_id text not null, title text not null)`);
    expect(await load()).toStrictEqual(nulled);
    run(t.sqlite, `update delegation set credentials_received_on = '2026-11-09' where id = 'dl-eg'`);
    expect(await load()).toStrictEqual(BASE);
    expect(await hash()).toBe(before);
    run(t.sqlite, `update delegation set later_flag = 'x' where id = 'dl-eg'`);
    expect((await load()).tables.delegation).toStrictEqual([{ ...delegationRow('EG'), laterFlag: 'x' }, delegationRow('IQ')]);
  });

  describe('attachments and bytes', () => {
    const PNG = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);
    const attachment = (id: string, bytes: Uint8Array) =>
      run(
        t.sqlite,
        `insert into attachment (id, session_id, kind, mime, file_name, byte_size, sha256, bytes, created_at) values (?, ?, 'signature', 'image/png', 'sig.png', ?, ?, ?, ?)`,
        id, S, bytes.length, sha(bytes), bytes, AT,
      );

    it("a signatory's signature image is in it as sha256:<the attachment's SHA-256>; other bytes, another hash", async () => {
      world(t.sqlite);
      attachment('att-sig', PNG);
      signatory('att-sig');
      expect((await load()).tables.signatory).toStrictEqual([{ ...SIGNATORY, signatureAttachmentId: `sha256:${sha(PNG)}` }]);
      const before = await hash();
      const other = Uint8Array.of(137, 80, 78, 71, 0);
      run(t.sqlite, `update attachment set bytes = ?, byte_size = ?, sha256 = ? where id = 'att-sig'`, other, other.length, sha(other));
      expect((await load()).tables.signatory).toStrictEqual([{ ...SIGNATORY, signatureAttachmentId: `sha256:${sha(other)}` }]);
      expect(await hash()).not.toBe(before);
    });

    it("is hashed from the image's bytes, not from the row's stored sha256: bytes swapped under it change the hash", async () => {
      world(t.sqlite);
      attachment('att-sig', PNG);
      signatory('att-sig');
      const before = await hash();
      // Raw SQL swaps the picture and leaves the stored hash as it was.
      run(t.sqlite, `update attachment set bytes = ? where id = 'att-sig'`, Uint8Array.of(137, 80, 78, 71, 0));
      expect(await hash()).not.toBe(before);
      const { loadSessionRecord } = await import('../../src/seal/record');
      // And format 4 (older seals), which prints the image's hash as signatureSha256.
      const four = await inTransaction(t.ctx, (tx) => loadSessionRecord(tx, S, 'council-record/4', {}));
      expect((four.tables.signatory as { signatureSha256: string }[])[0]!.signatureSha256).toBe(sha(Uint8Array.of(137, 80, 78, 71, 0)));
    });

    it('a signature image that is not there is written sha256:missing <id>', async () => {
      world(t.sqlite);
      withoutForeignKeys(
        `insert into signatory (id, session_id, role_key, position, full_name, title_ar, title_en, title_fr, signature_attachment_id, created_at, updated_at)
         values ('sig-1', ?, 'chair', 1, 'أحمد', 'رئيس المجلس', 'Chair', 'Président', 'att-gone', ?, ?)`,
        S, AT, AT,
      );
      expect((await load()).tables.signatory).toStrictEqual([{ ...SIGNATORY, signatureAttachmentId: 'sha256:missing att-gone' }]);
      // Bytes where an attachment id belongs: hashed as bytes, not looked up.
      withoutForeignKeys(`update signatory set signature_attachment_id = x'01' where id = 'sig-1'`);
      expect((await load()).tables.signatory).toStrictEqual([{ ...SIGNATORY, signatureAttachmentId: `sha256:${sha(Uint8Array.of(1))}` }]);
    });

    it("a working document's bytes are in it as sha256:<hex of the bytes>", async () => {
      world(t.sqlite);
      const pdf = new TextEncoder().encode('abc'); // SHA-256 known: FIPS 180-2's first example
      run(
        t.sqlite,
        `insert into working_document (id, session_id, agenda_item_id, symbol, language, version, mime, file_name, byte_size, sha256, bytes, created_at)
         values ('wd-1', ?, 'ai-1', 'EC/66/1', 'ar', 1, 'application/pdf', 'b.pdf', ?, 'stored', ?, ?)`,
        S, pdf.length, pdf, AT,
      );
      expect((await load()).tables.working_document).toStrictEqual([
        {
          id: 'wd-1', sessionId: S, agendaItemId: 'ai-1', symbol: 'EC/66/1', language: 'ar', version: 1, mime: 'application/pdf',
          fileName: 'b.pdf', byteSize: 3, sha256: 'stored', bytes: 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', createdAt: AT,
        },
      ]);
    });
  });
});

describe('council-record/5: numbers', () => {
  function speaker(limit: number) {
    run(
      t.sqlite,
      `insert into speaker (id, session_id, agenda_item_id, kind, name, position, status, requested_at, limit_seconds) values ('sp-1', ?, 'ai-1', 'secretariat', 'DG', 1, 'waiting', ?, ?)`,
      S, AT, limit,
    );
  }
  const SPEAKER = { id: 'sp-1', sessionId: S, agendaItemId: 'ai-1', kind: 'secretariat', name: 'DG', position: 1, round: 1, pointOfOrder: 0, status: 'waiting', requestedAt: AT };

  it('a safe integer is a number; a fraction is its JavaScript string', async () => {
    world(t.sqlite);
    speaker(1.5);
    expect((await load()).tables.speaker).toStrictEqual([{ ...SPEAKER, limitSeconds: '1.5' }]);
    run(t.sqlite, `update speaker set limit_seconds = 90 where id = 'sp-1'`);
    expect((await load()).tables.speaker).toStrictEqual([{ ...SPEAKER, limitSeconds: 90 }]);
  });

  it('an integer beyond 2^53 is its JavaScript string (as the driver reads it, a number)', async () => {
    world(t.sqlite);
    run(
      t.sqlite,
      `insert into speaker (id, session_id, agenda_item_id, kind, name, position, status, requested_at, limit_seconds) values ('sp-1', ?, 'ai-1', 'secretariat', 'DG', 1, 'waiting', ?, 1152921504606846976)`,
      S, AT,
    );
    expect((await load()).tables.speaker).toStrictEqual([{ ...SPEAKER, limitSeconds: '1152921504606847000' }]);
  });

  it('a bigint (a connection reading integers as bigints) is its string', async () => {
    world(t.sqlite);
    run(
      t.sqlite,
      `insert into speaker (id, session_id, agenda_item_id, kind, name, position, status, requested_at, limit_seconds) values ('sp-1', ?, 'ai-1', 'secretariat', 'DG', 1, 'waiting', ?, 9007199254740993)`,
      S, AT,
    );
    // The app's connection never reads bigints; a second one on the same file, with safe integers, does.
    const sqlite = new BetterSqlite3(t.path);
    sqlite.defaultSafeIntegers(true);
    const db = new Kysely<Database>({ dialect: new CouncilSqliteDialect(sqlite), plugins: [new CamelCasePlugin()] });
    try {
      const r = await db.transaction().execute((tx) => loadRecord5(tx, S));
      expect(r.tables.speaker).toStrictEqual([{ ...SPEAKER, position: '1', round: '1', pointOfOrder: '0', limitSeconds: '9007199254740993' }]);
      expect(r.session).toStrictEqual({ ...SESSION_ROW, number: '66', memberCount: '21', chairCastingVote: '0', allowInquorateVotes: '0', lastDecisionSerial: '0' });
    } finally {
      await db.destroy();
    }
  });
});

describe('council-record/5: corrigenda', () => {
  const corrigendum = (n: number) =>
    run(t.sqlite, `insert into corrigendum (id, session_id, number, text_ar, text_en, text_fr, reason, created_at) values (?, ?, ?, 'ت', 'c', 'c', '', ?)`, `co-${n}`, S, n, AT);
  const row = (n: number) => ({ id: `co-${n}`, sessionId: S, number: n, textAr: 'ت', textEn: 'c', textFr: 'c', createdAt: AT });

  it('those numbered up to the count are in it, those after not; no count, all of them', async () => {
    world(t.sqlite);
    for (const n of [3, 1, 2]) corrigendum(n);
    expect(await load(0)).toStrictEqual(BASE);
    expect(await load(1)).toStrictEqual({ ...BASE, tables: { ...BASE.tables, corrigendum: [row(1)] } });
    expect(await load(2)).toStrictEqual({ ...BASE, tables: { ...BASE.tables, corrigendum: [row(1), row(2)] } });
    expect(await load(3)).toStrictEqual({ ...BASE, tables: { ...BASE.tables, corrigendum: [row(1), row(2), row(3)] } });
    expect(await load(undefined)).toStrictEqual(await load(3));
    expect(await hash(2)).not.toBe(await hash(3));
  });
});

describe('council-record/5: French articles', () => {
  const setting = (key: string, valueJson: string) => run(t.sqlite, `insert into setting (key, value_json, updated_at) values (?, ?, ?)`, key, valueJson, AT);

  it('a named state with an article set has articleFr; one set to "" or a non-string, or not named, none', async () => {
    world(t.sqlite);
    // Another setting first: only the articles' key is read.
    setting('decoy', JSON.stringify({ EG: 'les', IQ: 'les', MA: 'les' }));
    expect(FRENCH_ARTICLES_KEY).toBe('memberStateArticlesFr');
    setting(FRENCH_ARTICLES_KEY, JSON.stringify({ MA: 'le', EG: "l'", IQ: '', TN: 'la', XX: 'le' }));
    expect((await load()).memberStates).toStrictEqual([{ ...stateRow('EG'), articleFr: "l'" }, stateRow('IQ'), { ...stateRow('MA'), articleFr: 'le' }]);
    run(t.sqlite, `update setting set value_json = ? where key = ?`, JSON.stringify({ MA: 5, EG: true, IQ: null }), FRENCH_ARTICLES_KEY);
    expect(await load()).toStrictEqual(BASE);
  });

  it('an unreadable setting (not JSON, or JSON null) gives none and does not throw', async () => {
    world(t.sqlite);
    setting(FRENCH_ARTICLES_KEY, '{"MA": "le"');
    expect(await load()).toStrictEqual(BASE);
    run(t.sqlite, `update setting set value_json = 'null' where key = ?`, FRENCH_ARTICLES_KEY);
    expect(await load()).toStrictEqual(BASE);
  });
});

describe('a session not in the file', () => {
  it('is refused on sessionId as not found', async () => {
    const err = (await load().catch((e: unknown) => e)) as { field: string; message: string; issueCode: string };
    expect({ field: err.field, message: err.message, code: err.issueCode }).toEqual({ field: 'sessionId', message: `session not found: ${S}`, code: 'not_found' });
  });
});
