// Real services driven to refusal on a real database file, through the dispatcher the hosts use, and the
// sentence the secretary then reads (renderer/components/errorText.ts) in Arabic and French: a coded
// sentence, never the core's English, no key names, no Latin letters but isolated symbols, French
// typography; and a not-found refusal never echoes what was typed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../renderer/i18n/ar';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { errorText } from '../../renderer/components/errorText';
import { addAgendaItem } from '../../src/agenda/service';
import { createDispatcher, type Dispatcher } from '../../src/api/dispatch';
import { prepareSessionBundle } from '../../src/bundle/prepare';
import { importSessionZip } from '../../src/bundle/zip';
import { toErrorPayload, type ErrorPayload } from '../../src/errors';
import { decideMajority } from '../../src/rules/majority';
import { createSampleSession, sampleSittingStart, type SampleSession } from '../helpers/fixtures';
import { openTempDb, type TempDb } from '../helpers/temp-db';

type Lang = 'ar' | 'en' | 'fr';
const catalogues: Record<Lang, Record<string, string>> = { ar, en, fr };
const translator = (lang: Lang) => ((key: string, params?: Record<string, string | number>) => {
  let s = catalogues[lang][key] ?? key;
  for (const [k, v] of Object.entries(params ?? {})) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}) as Parameters<typeof errorText>[0];

const latinOutsideIsolates = (s: string) => s.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, '').match(/[A-Za-z]+/g) ?? [];

let db: TempDb;
let dispatch: Dispatcher;
let s: SampleSession;
beforeAll(async () => {
  db = await openTempDb();
  dispatch = createDispatcher(db.ctx);
  s = await createSampleSession(db.ctx, { members: 3 });
});
afterAll(async () => {
  await db?.cleanup();
});

async function refusal(call: string, input: unknown): Promise<ErrorPayload> {
  const r = await dispatch(call as never, input);
  expect(r.ok, `${call} should be refused`).toBe(false);
  return (r as { ok: false; error: ErrorPayload }).error;
}

async function thrown(run: () => unknown): Promise<ErrorPayload> {
  try {
    await run();
  } catch (err) {
    return toErrorPayload(err);
  }
  throw new Error('expected a refusal');
}

/** What the secretary reads, in each language, with the field named by a label in that language. */
function readsWell(error: ErrorPayload, code: string) {
  expect(error.issues?.[0]?.code, error.message).toBe(code);
  const labels = { ar: 'الحقل', en: 'The field', fr: 'Le champ' } as const;
  for (const lang of ['ar', 'fr'] as const) {
    for (const label of ['', labels[lang]]) {
      const said = errorText(translator(lang), lang, error, label);
      expect(said.technical, `${lang} ${code}: a generic sentence`).toBeUndefined();
      expect(said.text, code).not.toContain(error.message.replace(/^[\w.]+: /, ''));
      expect(said.text, code).not.toMatch(/[{}]|\b(issue|error|rule|text)\.[a-z]/);
      if (lang === 'ar') expect(latinOutsideIsolates(said.text), `${code}: ${said.text}`).toEqual([]);
      if (lang === 'fr') expect(said.text, code).not.toMatch(/'|[^\u00a0]:|[^\u202f][;?!]/);
      if (label) expect(said.text, code).toContain(label);
    }
  }
}

describe('refusals of real services, in the words of the Arabic and French UI', () => {
  it('attendance: before the sitting, a departure of an absent delegation, a second arrival', async () => {
    const sittingId = s.sittingIds[0]!;
    const delegationId = s.delegationIds[0]!;
    const start = Date.parse(sampleSittingStart(1));
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    readsWell(await refusal('attendance.arrive', { sittingId, delegationId, at: at(-60) }), 'before_sitting');
    readsWell(await refusal('attendance.depart', { sittingId, delegationId, at: at(10) }), 'delegation_not_present');
    expect((await dispatch('attendance.arrive', { sittingId, delegationId, at: at(10) })).ok).toBe(true);
    readsWell(await refusal('attendance.arrive', { sittingId, delegationId, at: at(20) }), 'already_present');
    readsWell(await refusal('attendance.arrive', { sittingId, delegationId, at: at(10) }), 'attendance_same_time');
  });

  it('agenda, delegations, search, sessions, member states', async () => {
    const parent = await addAgendaItem(db.ctx, { sessionId: s.sessionId, title: { ar: 'الشؤون المالية' } });
    const child = await addAgendaItem(db.ctx, { sessionId: s.sessionId, parentId: parent.id, title: { ar: 'الميزانية' } });
    readsWell(await refusal('agenda.move', { id: parent.id, parentId: child.id, index: 0 }), 'agenda_cycle');
    readsWell(await refusal('speakers.giveFloor', { agendaItemId: child.id }), 'nobody_waiting');
    readsWell(await refusal('delegations.createSecretariat', { sessionId: s.sessionId }), 'secretariat_exists');
    readsWell(await refusal('search.query', { query: '*' }), 'nothing_to_search');
    const states = (await dispatch('memberStates.list', {})) as { ok: true; value: { isoCode: string }[] };
    readsWell(await refusal('memberStates.create', { isoCode: states.value[0]!.isoCode, nameAr: 'دولة', nameEn: 'State', nameFr: 'État' }), 'duplicate_iso_code');
  });

  it('a vote rule, a broken session file, a damaged archive', async () => {
    readsWell(await thrown(() => decideMajority({ rule: 'simple_majority_of_votes_cast', yes: 3, no: 1, abstain: 0, notParticipating: 0, members: 4, chairCastingVote: true, castingVote: 'yes' } as never)), 'casting_vote_without_tie');
    const bundle = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../resources/samples/agadir-66.json'), 'utf8'));
    bundle.votes[0].yes += 1;
    readsWell(await thrown(() => prepareSessionBundle(bundle)), 'record_tally');
    readsWell(await thrown(() => importSessionZip(db.ctx, { zipBytes: new Uint8Array(Buffer.from('not an archive at all')) })), 'archive_damaged');
  });

  it('a not-found refusal says so in the UI language and never echoes long input', async () => {
    const typed = 'x'.repeat(100_000);
    const error = await refusal('sittings.list', { sessionId: typed });
    expect(error.code).toBe('NOT_FOUND');
    readsWell(error, 'not_found');
    expect(error.message.length).toBeLessThan(120);
    expect(error.message).not.toContain('x'.repeat(41));
    for (const lang of ['ar', 'en', 'fr'] as const) expect(errorText(translator(lang), lang, error).text).not.toContain('xxxx');
  });
});
