// Migration 0011: reservations, referrals and follow-up actions join the full-text index (0002 indexed
// agenda items, notes, motions and decisions only). search_doc is rebuilt with the new kinds, a nullable
// agenda item (an action need not belong to a decision) and the decision a record hangs on, so a hit opens
// that decision; the rows of 0002 keep their ids, so search_fts (keyed by them) stays as it is.
// A reservation is indexed with its state's names, so "reservation Algeria" finds it.
// Triggers use only constant RAISE-free SQL and the JS folding functions registered on every connection.
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface Source {
  kind: string;
  table: string;
  /** SQL over `{row}`: the agenda item, the decision, the indexed text. */
  item: string;
  decision: string;
  text: string;
  watched: string[];
}

const viaDecision = `(select agenda_item_id from decision where id = {row}.decision_id)`;

// A frozen copy: src/search/sources.ts holds the live one (for rebuilding the index).
const SOURCES: Source[] = [
  {
    kind: 'agenda_item',
    table: 'agenda_item',
    item: '{row}.id',
    decision: 'null',
    text: `{row}.title_ar || ' ' || {row}.title_en || ' ' || {row}.title_fr`,
    watched: ['title_ar', 'title_en', 'title_fr', 'session_id'],
  },
  { kind: 'note', table: 'note', item: '{row}.agenda_item_id', decision: 'null', text: `{row}.text`, watched: ['text', 'agenda_item_id', 'session_id'] },
  {
    kind: 'motion',
    table: 'motion',
    item: '{row}.agenda_item_id',
    decision: 'null',
    text: `{row}.text_ar || ' ' || {row}.text_en || ' ' || {row}.text_fr`,
    watched: ['text_ar', 'text_en', 'text_fr', 'agenda_item_id', 'session_id'],
  },
  {
    kind: 'decision',
    table: 'decision',
    item: '{row}.agenda_item_id',
    decision: '{row}.id',
    text: `{row}.number_ar || ' ' || {row}.number_en || ' ' || {row}.number_fr || ' ' || {row}.text_ar || ' ' || {row}.text_en || ' ' || {row}.text_fr`,
    watched: ['text_ar', 'text_en', 'text_fr', 'agenda_item_id', 'session_id'],
  },
  {
    kind: 'reservation',
    table: 'reservation',
    item: viaDecision,
    decision: '{row}.decision_id',
    text: `coalesce((select name_ar || ' ' || name_en || ' ' || name_fr from member_state where id = {row}.member_state_id), '') || ' ' || {row}.text`,
    watched: ['text', 'member_state_id', 'decision_id', 'session_id'],
  },
  {
    kind: 'referral',
    table: 'referral',
    item: viaDecision,
    decision: '{row}.decision_id',
    text: `{row}.body_name || ' ' || {row}.note`,
    watched: ['body_name', 'note', 'decision_id', 'session_id'],
  },
  {
    kind: 'action',
    table: 'action_item',
    item: viaDecision,
    decision: '{row}.decision_id',
    text: `{row}.description || ' ' || {row}.responsible_unit`,
    watched: ['description', 'responsible_unit', 'decision_id', 'session_id'],
  },
];

const KINDS = SOURCES.map((s) => `'${s.kind}'`).join(', ');
const on = (sqlText: string, row: string) => sqlText.replaceAll('{row}', row);

async function dropTriggers(db: AnyDb): Promise<void> {
  for (const s of SOURCES) {
    for (const op of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${s.table}_search_${op}`).execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  await dropTriggers(db);
  await sql`create table search_doc_new (
    id integer primary key,
    kind text not null check (kind in (${sql.raw(KINDS)})),
    entity_id text not null,
    session_id text not null,
    agenda_item_id text,
    decision_id text,
    unique (kind, entity_id)
  )`.execute(db);
  await sql`insert into search_doc_new (id, kind, entity_id, session_id, agenda_item_id, decision_id)
    select id, kind, entity_id, session_id, agenda_item_id, case when kind = 'decision' then entity_id end from search_doc`.execute(db);
  await sql`drop table search_doc`.execute(db);
  await sql`alter table search_doc_new rename to search_doc`.execute(db);
  await sql`create index search_doc_session on search_doc (session_id)`.execute(db);

  for (const s of SOURCES) {
    const docId = (ref: string) => `(select id from search_doc where kind = '${s.kind}' and entity_id = ${ref}.id)`;
    const insertBoth = `
      insert into search_doc (kind, entity_id, session_id, agenda_item_id, decision_id)
        values ('${s.kind}', new.id, new.session_id, ${on(s.item, 'new')}, ${on(s.decision, 'new')});
      insert into search_fts (rowid, body, variants)
        values (${docId('new')}, council_search_body(${on(s.text, 'new')}), council_search_variants(${on(s.text, 'new')}));`;
    const deleteBoth = `
      delete from search_fts where rowid = ${docId('old')};
      delete from search_doc where kind = '${s.kind}' and entity_id = old.id;`;
    await sql.raw(`create trigger ${s.table}_search_insert after insert on ${s.table} begin ${insertBoth} end`).execute(db);
    await sql
      .raw(`create trigger ${s.table}_search_update after update of ${s.watched.join(', ')} on ${s.table} begin ${deleteBoth} ${insertBoth} end`)
      .execute(db);
    await sql.raw(`create trigger ${s.table}_search_delete after delete on ${s.table} begin ${deleteBoth} end`).execute(db);
  }

  // The records of the new kinds already there.
  for (const s of SOURCES.filter((x) => ['reservation', 'referral', 'action'].includes(x.kind))) {
    await sql
      .raw(
        `insert into search_doc (kind, entity_id, session_id, agenda_item_id, decision_id)
         select '${s.kind}', r.id, r.session_id, ${on(s.item, 'r')}, ${on(s.decision, 'r')} from ${s.table} r`,
      )
      .execute(db);
    await sql
      .raw(
        `insert into search_fts (rowid, body, variants)
         select d.id, council_search_body(${on(s.text, 'r')}), council_search_variants(${on(s.text, 'r')})
         from ${s.table} r join search_doc d on d.kind = '${s.kind}' and d.entity_id = r.id`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migration 0011 cannot be undone: restore the backup taken before it');
}
