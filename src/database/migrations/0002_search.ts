// Migration 0002: the full-text index over agenda item titles, notes, motions and decisions.
// - search_doc: one row per indexed record (its kind, id, session and agenda item); its integer id is the
//   FTS row id, since records have UUIDs;
// - search_fts: contentless FTS5 (the text lives in its own tables; snippets are built from there) with two
//   columns: `body`, the folded words in order (phrases work), and `variants`, the Arabic words again with
//   their attached prefixes stripped (وبالميزانيه → ميزانيه), so the article never hides a match;
// - triggers keep both in step on insert/update/delete, calling council_search_body/variants, the JS
//   folding registered on every connection by openDatabase() (search/sqlite-functions.ts).
// Never edit once landed: add a new migration.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface Source {
  kind: string;
  table: string;
  agendaItemColumn: string;
  text: string; // SQL over `{row}` for the indexed text
  watched: string[]; // columns whose change re-indexes
}

const SOURCES: Source[] = [
  {
    kind: 'agenda_item',
    table: 'agenda_item',
    agendaItemColumn: 'id',
    text: `{row}.title_ar || ' ' || {row}.title_en || ' ' || {row}.title_fr`,
    watched: ['title_ar', 'title_en', 'title_fr', 'session_id'],
  },
  { kind: 'note', table: 'note', agendaItemColumn: 'agenda_item_id', text: `{row}.text`, watched: ['text', 'agenda_item_id', 'session_id'] },
  {
    kind: 'motion',
    table: 'motion',
    agendaItemColumn: 'agenda_item_id',
    text: `{row}.text_ar || ' ' || {row}.text_en || ' ' || {row}.text_fr`,
    watched: ['text_ar', 'text_en', 'text_fr', 'agenda_item_id', 'session_id'],
  },
  {
    kind: 'decision',
    table: 'decision',
    agendaItemColumn: 'agenda_item_id',
    text: `{row}.number_ar || ' ' || {row}.number_en || ' ' || {row}.number_fr || ' ' || {row}.text_ar || ' ' || {row}.text_en || ' ' || {row}.text_fr`,
    watched: ['text_ar', 'text_en', 'text_fr', 'agenda_item_id', 'session_id'],
  },
];

function textOf(source: Source, row: string): string {
  return source.text.replaceAll('{row}', row);
}

export async function up(db: AnyDb): Promise<void> {
  await sql`create table search_doc (
    id integer primary key,
    kind text not null check (kind in ('agenda_item', 'note', 'motion', 'decision')),
    entity_id text not null,
    session_id text not null,
    agenda_item_id text not null,
    unique (kind, entity_id)
  )`.execute(db);
  await sql`create index search_doc_session on search_doc (session_id)`.execute(db);
  await sql`create virtual table search_fts using fts5(
    body, variants, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);

  for (const s of SOURCES) {
    const docId = (ref: string) => `(select id from search_doc where kind = '${s.kind}' and entity_id = ${ref}.id)`;
    const insertBoth = `
      insert into search_doc (kind, entity_id, session_id, agenda_item_id)
        values ('${s.kind}', new.id, new.session_id, new.${s.agendaItemColumn});
      insert into search_fts (rowid, body, variants)
        values (${docId('new')}, council_search_body(${textOf(s, 'new')}), council_search_variants(${textOf(s, 'new')}));`;
    const deleteBoth = `
      delete from search_fts where rowid = ${docId('old')};
      delete from search_doc where kind = '${s.kind}' and entity_id = old.id;`;
    await sql.raw(`create trigger ${s.table}_search_insert after insert on ${s.table} begin ${insertBoth} end`).execute(db);
    await sql
      .raw(`create trigger ${s.table}_search_update after update of ${s.watched.join(', ')} on ${s.table} begin ${deleteBoth} ${insertBoth} end`)
      .execute(db);
    await sql.raw(`create trigger ${s.table}_search_delete after delete on ${s.table} begin ${deleteBoth} end`).execute(db);

    // Records already there (a database from before this migration).
    await sql
      .raw(
        `insert into search_doc (kind, entity_id, session_id, agenda_item_id)
         select '${s.kind}', r.id, r.session_id, r.${s.agendaItemColumn} from ${s.table} r`,
      )
      .execute(db);
    await sql
      .raw(
        `insert into search_fts (rowid, body, variants)
         select d.id, council_search_body(${textOf(s, 'r')}), council_search_variants(${textOf(s, 'r')})
         from ${s.table} r join search_doc d on d.kind = '${s.kind}' and d.entity_id = r.id`,
      )
      .execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const s of SOURCES) {
    for (const op of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${s.table}_search_${op}`).execute(db);
  }
  await sql`drop table if exists search_fts`.execute(db);
  await sql`drop table if exists search_doc`.execute(db);
}
