// A small but complete session record written with raw SQL (one row in every session-scoped table), so
// the lock, seal and bundle tests do not depend on the other features' services.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

export interface RecordIds {
  sessionId: string;
  stateIds: string[];
  sittingId: string;
  delegationId: string;
  delegateId: string;
  attendanceId: string;
  agendaItemId: string;
  noteId: string;
  motionId: string;
  voteId: string;
  decisionId: string;
  reservationId: string;
  referralId: string;
  actionItemId: string;
}

const AT = '2026-11-10T08:00:00.000Z';

/** Member states by ISO code, created when missing (ids stay those already present). */
export function ensureStates(sqlite: BetterSqlite3.Database, isos = ['MA', 'EG', 'IQ']): string[] {
  return isos.map((iso, i) => {
    const row = sqlite.prepare('select id from member_state where iso_code = ?').get(iso) as { id: string } | undefined;
    if (row) return row.id;
    const id = randomUUID();
    sqlite
      .prepare(
        `insert into member_state (id, iso_code, name_ar, name_en, name_fr, protocol_order, active, created_at)
         values (?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(id, iso, `دولة ${iso}`, `State ${iso}`, `État ${iso}`, i + 1, AT);
    return id;
  });
}

export function insertSessionRecord(sqlite: BetterSqlite3.Database, number = 66): RecordIds {
  const stateIds = ensureStates(sqlite);
  const ids: RecordIds = {
    sessionId: randomUUID(),
    stateIds,
    sittingId: randomUUID(),
    delegationId: randomUUID(),
    delegateId: randomUUID(),
    attendanceId: randomUUID(),
    agendaItemId: randomUUID(),
    noteId: randomUUID(),
    motionId: randomUUID(),
    voteId: randomUUID(),
    decisionId: randomUUID(),
    reservationId: randomUUID(),
    referralId: randomUUID(),
    actionItemId: randomUUID(),
  };
  const s = ids.sessionId;
  const run = (q: string, ...args: unknown[]) => sqlite.prepare(q).run(...args);
  sqlite.transaction(() => {
    run(
      `insert into council_session (id, kind, number, venue_city_ar, venue_city_en, venue_city_fr, venue_country_ar,
       venue_country_en, venue_country_fr, start_date, end_date, languages_json, chair_state_id, rapporteur_state_id,
       status, member_count, quorum_rule, default_majority_rule, chair_casting_vote, allow_inquorate_votes,
       last_decision_serial, locked_at, created_at, updated_at)
       values (?, 'ordinary', ?, 'أكادير', 'Agadir', 'Agadir', 'المغرب', 'Morocco', 'Maroc', '2026-11-10', '2026-11-11',
       '["ar","en","fr"]', ?, null, 'in_progress', 21, 'none', 'simple_majority_of_votes_cast', 0, 0,
       1, null, ?, ?)`,
      s, number, stateIds[0], AT, AT,
    );
    run(`insert into sitting values (?, ?, 1, ?, null, ?)`, ids.sittingId, s, AT, AT);
    run(
      `insert into delegation (id, session_id, kind, member_state_id, name_ar, name_en, name_fr, credentials_received_on, created_at) values (?, ?, 'member', ?, '', '', '', '2026-11-09', ?)`,
      ids.delegationId, s, stateIds[0], AT,
    );
    run(`insert into delegate (id, session_id, delegation_id, full_name, title, role, position) values (?, ?, ?, 'أحمد', 'وزير', 'head', 1)`, ids.delegateId, s, ids.delegationId);
    // The reserving state's delegation (it came, but not to this sitting): a record that obeys the invariants.
    const second = randomUUID();
    run(`insert into delegation (id, session_id, kind, member_state_id, name_ar, name_en, name_fr, credentials_received_on, created_at) values (?, ?, 'member', ?, '', '', '', '2026-11-09', ?)`, second, s, stateIds[1], AT);
    run(`insert into delegate (id, session_id, delegation_id, full_name, title, role, position) values (?, ?, ?, 'سالم', 'سفير', 'head', 1)`, randomUUID(), s, second);
    run(`insert into attendance_event values (?, ?, ?, ?, 'arrival', ?, ?)`, ids.attendanceId, s, ids.sittingId, ids.delegationId, AT, AT);
    run(
      `insert into agenda_item (id, session_id, parent_id, position, standing_key, title_ar, title_en, title_fr, presenter, document_refs_json, status, created_at)
       values (?, ?, null, 1, null, 'الميزانية', 'Budget', 'Budget', 'DG', '[]', 'discussed', ?)`,
      ids.agendaItemId, s, AT,
    );
    run(`insert into agenda_adoption (session_id, sitting_id, adopted_at, as_amended, note) values (?, ?, ?, 0, '')`, s, ids.sittingId, AT);
    run(
      `insert into note (id, session_id, agenda_item_id, at, speaker_kind, speaker_delegation_id, speaker_name, text, language) values (?, ?, ?, ?, 'chair', null, 'الرئيس', 'افتتح الرئيس الجلسة', 'ar')`,
      ids.noteId, s, ids.agendaItemId, AT,
    );
    run(
      `insert into motion (id, session_id, agenda_item_id, parent_motion_id, text_ar, text_en, text_fr, proposer_delegation_id, status,
       majority_rule, decided_by, decided_at, created_at) values (?, ?, ?, null, 'اعتماد الميزانية', 'Adopt the budget', 'Adopter le budget', ?, 'adopted',
       null, 'vote', ?, ?)`,
      ids.motionId, s, ids.agendaItemId, ids.delegationId, AT, AT,
    );
    run(
      `insert into vote values (?, ?, ?, ?, ?, 'simple_majority_of_votes_cast', 1, 0, 0, 0, 1, 21, 0, 1, 0, null, 'adopted')`,
      ids.voteId, s, ids.motionId, ids.sittingId, AT,
    );
    run(`insert into vote_ballot values (?, ?, ?, ?, 'yes', 1)`, ids.voteId, s, stateIds[0], ids.delegationId);
    run(
      `insert into decision (id, session_id, agenda_item_id, motion_id, serial, number_ar, number_en, number_fr, text_ar, text_en, text_fr, adopted_at, adopted_by, sitting_id, created_at)
       values (?, ?, ?, ?, 1, 'ق.م.ت/66/1', 'EC/66/1', 'CE/66/1', 'يعتمد المجلس الميزانية',
       'The Council adopts the budget', 'Le Conseil adopte le budget', ?, 'vote', ?, ?)`,
      ids.decisionId, s, ids.agendaItemId, ids.motionId, AT, ids.sittingId, AT,
    );
    run(`insert into reservation (id, session_id, decision_id, member_state_id, text, recorded_at) values (?, ?, ?, ?, 'تحفظ', ?)`, ids.reservationId, s, ids.decisionId, stateIds[1], AT);
    run(`insert into referral (id, session_id, decision_id, body, body_name, note, created_at) values (?, ?, ?, 'general_assembly', 'الجمعية العامة', '', ?)`, ids.referralId, s, ids.decisionId, AT);
    run(
      `insert into action_item (id, session_id, decision_id, description, responsible_kind, responsible_unit, responsible_state_id, due_date, status, created_at) values (?, ?, ?, 'تنفيذ', 'secretariat_unit', 'المالية', null, '2027-05-01', 'open', ?)`,
      ids.actionItemId, s, ids.decisionId, AT,
    );
  })();
  return ids;
}

export function lockSession(sqlite: BetterSqlite3.Database, sessionId: string, at = AT): void {
  sqlite.prepare('update council_session set locked_at = ? where id = ?').run(at, sessionId);
}

/** Every row of every table, for comparing before/after a refused write. */
export function snapshot(sqlite: BetterSqlite3.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_fts%'
       order by name`,
    )
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  // Sorted by content: some tables (FTS shadow tables) have no rowid to order by.
  for (const { name } of tables) {
    out[name] = (sqlite.prepare(`select * from "${name}"`).all() as unknown[])
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)))
      .sort();
  }
  return out;
}

export interface LaterIds {
  sittingHeadId: string;
  speakerId: string;
}

/** One row in each table made after 0006 (sitting head, speaker, open roll call and its ballot). */
export function insertLaterRows(sqlite: BetterSqlite3.Database, r: RecordIds): LaterIds {
  const ids = { sittingHeadId: randomUUID(), speakerId: randomUUID() };
  const run = (q: string, ...args: unknown[]) => sqlite.prepare(q).run(...args);
  sqlite.transaction(() => {
    run(
      `insert into sitting_head (id, session_id, sitting_id, delegation_id, full_name, title, created_at) values (?, ?, ?, ?, 'وزير الخارجية', 'وزير', ?)`,
      ids.sittingHeadId, r.sessionId, r.sittingId, r.delegationId, AT,
    );
    run(
      `insert into speaker (id, session_id, agenda_item_id, kind, delegation_id, name, position, round, point_of_order, status, requested_at, sitting_id, started_at, ended_at)
       values (?, ?, ?, 'delegation', ?, '', 1, 1, 0, 'spoken', ?, ?, ?, ?)`,
      ids.speakerId, r.sessionId, r.agendaItemId, r.delegationId, AT, r.sittingId, AT, AT,
    );
    run(`insert into open_roll_call (motion_id, session_id, sitting_id, opened_at) values (?, ?, ?, ?)`, r.motionId, r.sessionId, r.sittingId, AT);
    run(
      `insert into open_roll_call_ballot (motion_id, session_id, member_state_id, choice, keyed_at) values (?, ?, ?, 'yes', ?)`,
      r.motionId, r.sessionId, r.stateIds[0], AT,
    );
  })();
  return ids;
}
