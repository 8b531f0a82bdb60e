// Delegations correctable until the minutes are approved: credentials (date received and who issued them),
// an observer's name, each person added, corrected, removed or moved, and the delegation itself removed
// only while the record holds nothing of it. Real SQLite files; every refusal names its field and code and
// leaves the file as it was; every change leaves the audit trail's before and after.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordArrival } from '../../src/attendance/service';
import { addDelegate, moveDelegate, removeDelegate, renameDelegation, updateDelegate } from '../../src/delegations/edit';
import { createMemberDelegation, getDelegation, listDelegations, removeDelegation, setCredentialsReceived } from '../../src/delegations/service';
import { recordDecision } from '../../src/decisions/service';
import { addNote } from '../../src/notes/service';
import { createReservation } from '../../src/reservations/service';
import { generateMinutesDocx, generateMinutesHtml } from '../../src/minutes/generate';
import { listMemberStates } from '../../src/member-states/service';
import { addAgendaItem } from '../../src/agenda/service';
import { createSampleSession, tableSnapshot } from '../helpers/fixtures';
import { openTempDb, tempDir, type TempDb } from '../helpers/temp-db';
import { readDocx } from '../minutes/sample';
import { inTransaction } from '../../src/core/context';
import { loadSessionRecord, recordSha256 } from '../../src/seal/record';

let db: TempDb;
afterEach(async () => db?.cleanup());

async function setup(members = 3) {
  db = await openTempDb();
  const s = await createSampleSession(db.ctx, { members });
  const states = await listMemberStates(db.ctx);
  const iso = (code: string) => states.find((x) => x.isoCode === code)!.id;
  return { ctx: db.ctx, s, iso };
}

const lastAudit = (action: string) =>
  db.sqlite.prepare('select before_json b, after_json a from audit_entry where action = ? order by id desc limit 1').get(action) as { b: string | null; a: string | null } | undefined;

async function refused(call: () => Promise<unknown>, code: string, field: string, issue?: string): Promise<void> {
  const before = tableSnapshot(db.sqlite);
  const err = await call().then(
    () => null,
    (e: unknown) => e as { code: string; field: string; issueCode?: string; issues?: { code?: string }[] },
  );
  expect(err, `${field} refused`).not.toBeNull();
  expect({ code: err!.code, field: err!.field }).toEqual({ code, field });
  if (issue) expect(err!.issueCode ?? err!.issues?.[0]?.code).toBe(issue);
  expect(tableSnapshot(db.sqlite)).toEqual(before);
}

describe('credentials: date received and who issued them', () => {
  it('records both, keeps the issuer when only the date changes, clears it with the date, audits each', async () => {
    const { ctx, s } = await setup(2);
    const id = s.delegationIds[0]!;
    const d = await setCredentialsReceived(ctx, { delegationId: id, credentialsReceivedOn: '2026-11-08', credentialsIssuedBy: 'وزارة الخارجية' });
    expect([d.credentialsReceivedOn, d.credentialsIssuedBy]).toEqual(['2026-11-08', 'وزارة الخارجية']);
    expect(JSON.parse(lastAudit('delegation.setCredentials')!.a!).credentialsIssuedBy).toBe('وزارة الخارجية');
    const moved = await setCredentialsReceived(ctx, { delegationId: id, credentialsReceivedOn: '2026-11-09' });
    expect(moved.credentialsIssuedBy).toBe('وزارة الخارجية');
    const audit = lastAudit('delegation.setCredentials')!;
    expect([JSON.parse(audit.b!).credentialsReceivedOn, JSON.parse(audit.a!).credentialsReceivedOn]).toEqual(['2026-11-08', '2026-11-09']);
    const cleared = await setCredentialsReceived(ctx, { delegationId: id, credentialsReceivedOn: null });
    expect([cleared.credentialsReceivedOn, cleared.credentialsIssuedBy]).toEqual([null, '']);
    expect((await getDelegation(ctx, { id })).credentialsIssuedBy).toBe('');
  });

  it("the seal's record holds the issuer once stated, and is unchanged for records that never stated one", async () => {
    const { ctx, s } = await setup(2);
    const hash = () => inTransaction(ctx, async (tx) => recordSha256(await loadSessionRecord(tx, s.sessionId)));
    const rows = () => inTransaction(ctx, async (tx) => (await loadSessionRecord(tx, s.sessionId)).tables.delegation!);
    const before = await hash();
    // A record sealed before 0014 has no issuer column: an issuer not stated leaves the hash as it was.
    expect((await rows()).every((r) => !('credentialsIssuedBy' in r))).toBe(true);
    await setCredentialsReceived(ctx, { delegationId: s.delegationIds[0]!, credentialsReceivedOn: '2026-11-09', credentialsIssuedBy: 'وزارة الخارجية' });
    expect(await hash()).not.toBe(before);
    await setCredentialsReceived(ctx, { delegationId: s.delegationIds[0]!, credentialsReceivedOn: '2026-11-09', credentialsIssuedBy: '' });
    expect(await hash()).toBe(before);
  });

  it('refuses an issuer without a date, and credentials for the secretariat, naming the field', async () => {
    const { ctx, s } = await setup(2);
    await refused(() => setCredentialsReceived(ctx, { delegationId: s.delegationIds[0]!, credentialsReceivedOn: null, credentialsIssuedBy: 'x' }), 'VALIDATION', 'credentialsIssuedBy', 'issuer_without_date');
    await refused(() => setCredentialsReceived(ctx, { delegationId: s.secretariatDelegationId, credentialsReceivedOn: '2026-11-08' }), 'VALIDATION', 'delegationId', 'secretariat_credentials');
    await refused(() => setCredentialsReceived(ctx, { delegationId: s.delegationIds[0]!, credentialsReceivedOn: '2026-11-08', credentialsIssuedBy: 'x'.repeat(301) }), 'VALIDATION', 'credentialsIssuedBy', 'too_big');
  });

  it('the minutes print the date and the issuer in Arabic, English and French, and "not received" otherwise', async () => {
    const { ctx, s } = await setup(2); // JO, MA in protocol order
    await setCredentialsReceived(ctx, { delegationId: s.delegationIds[0]!, credentialsReceivedOn: '2026-11-08', credentialsIssuedBy: 'وزارة الخارجية' });
    await setCredentialsReceived(ctx, { delegationId: s.delegationIds[1]!, credentialsReceivedOn: null });
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const ar = text(await generateMinutesHtml(ctx, s.sessionId, { lang: 'ar', timeZone: 'Africa/Casablanca' }));
    expect(ar).toMatch(/وردت بتاريخ [^،]+، صادرة عن وزارة الخارجية/);
    expect(ar).toContain('لم ترد');
    const en = text(await generateMinutesHtml(ctx, s.sessionId, { lang: 'en', timeZone: 'Africa/Casablanca' }));
    expect(en).toMatch(/received on 8 November 2026, issued by .*وزارة الخارجية/);
    expect(en).toContain('not received');
    const fr = text(await generateMinutesHtml(ctx, s.sessionId, { lang: 'fr', timeZone: 'Africa/Casablanca' }));
    expect(fr).toMatch(/reçus le 8 novembre 2026, délivrés par .*وزارة الخارجية/);
    // The Word file says the same, read back by python-docx.
    const dir = tempDir();
    const file = path.join(dir, 'm.docx');
    fs.writeFileSync(file, await generateMinutesDocx(ctx, s.sessionId, { lang: 'ar', timeZone: 'Africa/Casablanca' }));
    const cells = readDocx(file).tables.flatMap((t) => t.rows.flat());
    expect(cells.some((c) => /وردت بتاريخ .*، صادرة عن وزارة الخارجية/.test(c))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('the people of a delegation', () => {
  it('adds, corrects, moves and removes people one at a time, the head first, auditing before and after', async () => {
    const { ctx, s } = await setup(2);
    const id = s.delegationIds[0]!;
    // The sample delegation has its head and one member.
    let d = await addDelegate(ctx, { delegationId: id, fullName: 'مستشار أول', title: 'مستشار', role: 'adviser' });
    d = await addDelegate(ctx, { delegationId: id, fullName: 'عضو ثان' });
    expect(d.delegates.map((p) => [p.role, p.position])).toEqual([['head', 1], ['member', 2], ['adviser', 3], ['member', 4]]);
    const adviser = d.delegates[2]!;
    d = await updateDelegate(ctx, { id: adviser.id, fullName: 'مستشار أول مصحح', title: 'مستشار الوزير' });
    expect(d.delegates[2]).toMatchObject({ fullName: 'مستشار أول مصحح', title: 'مستشار الوزير', role: 'adviser' });
    const audit = lastAudit('delegation.updateDelegate')!;
    expect(JSON.parse(audit.b!).delegates[2].fullName).toBe('مستشار أول');
    expect(JSON.parse(audit.a!).delegates[2].fullName).toBe('مستشار أول مصحح');
    d = await moveDelegate(ctx, { id: adviser.id, position: 4 });
    expect(d.delegates.map((p) => p.role)).toEqual(['head', 'member', 'member', 'adviser']);
    d = await moveDelegate(ctx, { id: adviser.id, position: 2 });
    expect(d.delegates.map((p) => [p.role, p.position])).toEqual([['head', 1], ['adviser', 2], ['member', 3], ['member', 4]]);
    // A new head: first, and the former head becomes a member.
    const formerHead = d.delegates[0]!;
    const second = d.delegates[3]!;
    d = await updateDelegate(ctx, { id: second.id, role: 'head' });
    expect(d.delegates.map((p) => [p.fullName, p.role])).toEqual([
      ['عضو ثان', 'head'],
      [formerHead.fullName, 'member'],
      ['مستشار أول مصحح', 'adviser'],
      [d.delegates[3]!.fullName, 'member'],
    ]);
    d = await removeDelegate(ctx, { id: adviser.id });
    expect(d.delegates.map((p) => p.position)).toEqual([1, 2, 3]);
    expect(JSON.parse(lastAudit('delegation.removeDelegate')!.b!).delegates).toHaveLength(4);
    // Observers have representatives; their name can be corrected in the three languages.
    const obs = await addDelegate(ctx, { delegationId: s.observerDelegationId, fullName: 'ممثل' });
    expect(obs.delegates.at(-1)!.role).toBe('representative');
    const renamed = await renameDelegation(ctx, { id: s.observerDelegationId, name: { ar: 'جامعة الدول العربية', en: 'League of Arab States', fr: 'Ligue des États arabes' } });
    expect(renamed.name.fr).toBe('Ligue des États arabes');
  });

  it('keeps one head, listed first, and roles that fit the kind; refusals name the field and change nothing', async () => {
    const { ctx, s } = await setup(2);
    const id = s.delegationIds[0]!;
    const d = await addDelegate(ctx, { delegationId: id, fullName: 'عضو' });
    const head = d.delegates[0]!;
    const member = d.delegates[1]!;
    await refused(() => removeDelegate(ctx, { id: head.id }), 'VALIDATION', 'id', 'head_required');
    await refused(() => updateDelegate(ctx, { id: head.id, role: 'member' }), 'VALIDATION', 'role', 'head_required');
    await refused(() => moveDelegate(ctx, { id: member.id, position: 1 }), 'VALIDATION', 'position', 'head_first');
    await refused(() => moveDelegate(ctx, { id: head.id, position: 2 }), 'VALIDATION', 'position', 'head_first');
    await refused(() => addDelegate(ctx, { delegationId: id, fullName: 'x', role: 'representative' }), 'VALIDATION', 'role', 'role_not_for_kind');
    await refused(() => addDelegate(ctx, { delegationId: s.observerDelegationId, fullName: 'x', role: 'head' }), 'VALIDATION', 'role', 'role_not_for_kind');
    await refused(() => addDelegate(ctx, { delegationId: id, fullName: '  ' }), 'VALIDATION', 'fullName', 'required');
    await refused(() => updateDelegate(ctx, { id: 'nope', fullName: 'x' }), 'NOT_FOUND', 'id');
    await refused(() => renameDelegation(ctx, { id, name: { ar: 'x', en: 'x', fr: 'x' } }), 'VALIDATION', 'name', 'member_delegation_name');
  });

  it('nothing changes in a locked session', async () => {
    const { ctx, s } = await setup(1);
    const d = await addDelegate(ctx, { delegationId: s.delegationIds[0]!, fullName: 'عضو' });
    db.sqlite.prepare('update council_session set locked_at = ?').run('2026-12-01T00:00:00Z');
    await refused(() => addDelegate(ctx, { delegationId: d.id, fullName: 'x' }), 'LOCKED_SESSION', 'delegationId');
    await refused(() => updateDelegate(ctx, { id: d.delegates[1]!.id, fullName: 'x' }), 'LOCKED_SESSION', 'id');
    await refused(() => removeDelegate(ctx, { id: d.delegates[1]!.id }), 'LOCKED_SESSION', 'id');
    await refused(() => moveDelegate(ctx, { id: d.delegates[1]!.id, position: 2 }), 'LOCKED_SESSION', 'id');
    await refused(() => setCredentialsReceived(ctx, { delegationId: d.id, credentialsReceivedOn: '2026-11-08', credentialsIssuedBy: 'x' }), 'LOCKED_SESSION', 'sessionId');
    await refused(() => removeDelegation(ctx, { id: d.id }), 'LOCKED_SESSION', 'sessionId');
  });
});

describe('removing a delegation', () => {
  it('is refused once the record holds its attendance, statements, reservations or office; allowed before', async () => {
    const { ctx, s, iso } = await setup(3); // MA (chair), JO (rapporteur), AE
    const add = async (code: string) =>
      (await createMemberDelegation(ctx, { sessionId: s.sessionId, memberStateId: iso(code), delegates: [{ fullName: 'رئيس', role: 'head' }] })).id;
    const eg = await add('EG');
    await recordArrival(ctx, { sittingId: s.sittingIds[0]!, delegationId: eg, at: '2026-11-10T08:10:00Z' });
    await refused(() => removeDelegation(ctx, { id: eg }), 'CONFLICT', 'id', 'delegation_has_record');

    const tn = await add('TN');
    const item = await addAgendaItem(ctx, { sessionId: s.sessionId, title: { ar: 'بند', en: 'Item', fr: 'Point' } });
    await addNote(ctx, { agendaItemId: item.id, speakerKind: 'delegation', speakerDelegationId: tn, text: 'مداخلة' });
    await refused(() => removeDelegation(ctx, { id: tn }), 'CONFLICT', 'id', 'delegation_has_record');

    // A reservation is the state's, not the delegation's row: it still holds the delegation on record.
    const dz = await add('DZ');
    const decision = await recordDecision(ctx, { agendaItemId: item.id, text: { ar: 'قرار', en: '', fr: '' }, adoptedAt: '2026-11-10T10:00:00Z', sittingId: s.sittingIds[0]! });
    await createReservation(ctx, { decisionId: decision.id, memberStateId: iso('DZ'), text: 'تحفظ' });
    await refused(() => removeDelegation(ctx, { id: dz }), 'CONFLICT', 'id', 'delegation_has_record');

    // The chair's state (MA) keeps its delegation.
    const ma = (await listDelegations(ctx, { sessionId: s.sessionId })).find((d) => d.isoCode === 'MA')!.id;
    await refused(() => removeDelegation(ctx, { id: ma }), 'CONFLICT', 'id', 'delegation_has_record');

    const qa = await add('QA');
    await addDelegate(ctx, { delegationId: qa, fullName: 'عضو' });
    await removeDelegation(ctx, { id: qa });
    expect(db.sqlite.prepare('select count(*) n from delegate where delegation_id = ?').get(qa)).toEqual({ n: 0 });
    expect(JSON.parse(lastAudit('delegation.remove')!.b!).delegates).toHaveLength(2);
  });
});
