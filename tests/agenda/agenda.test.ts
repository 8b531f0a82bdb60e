import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  listAgenda,
  moveAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from '../../src/agenda/service';
import type { AgendaItem } from '../../src/agenda/types';
import { addNote } from '../../src/notes/service';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors';
import { createSampleSession, type SampleSession } from '../helpers/fixtures';
import { expectRefusedUnchanged, type ErrorClass } from '../helpers/refusal';
import { openTempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let s: SampleSession;
beforeEach(async () => {
  t = await openTempDb();
  s = await createSampleSession(t.ctx, { members: 3 });
});
afterEach(async () => t.cleanup());

const title = (ar: string) => ({ ar });
async function add(ar: string, extra: Record<string, unknown> = {}): Promise<AgendaItem> {
  return addAgendaItem(t.ctx, { sessionId: s.sessionId, title: title(ar), ...extra });
}
/** "number title" lines in reading order, and positions contiguous among siblings. */
async function outline(): Promise<string[]> {
  const items = await listAgenda(t.ctx, { sessionId: s.sessionId });
  const byParent = new Map<string | null, number[]>();
  for (const i of items) byParent.set(i.parentId, [...(byParent.get(i.parentId) ?? []), i.position]);
  for (const positions of byParent.values()) {
    expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, k) => k + 1));
  }
  return items.map((i) => `${i.number} ${i.title.ar}`);
}
const expectRefused = (p: Promise<unknown>, type: ErrorClass, field: string) => expectRefusedUnchanged(t.sqlite, p, type, field);

describe('agenda items', () => {
  it('adds items and sub-items, numbered 1, 2, 2.1, with titles, presenter, references', async () => {
    const a = await add('أ');
    const b = await add('ب', { presenter: 'المدير العام', documentRefs: ['EC/66/2'] });
    const b1 = await addAgendaItem(t.ctx, {
      sessionId: s.sessionId,
      parentId: b.id,
      title: { ar: 'ب ١', en: 'B one', fr: '' },
    });
    expect(a.number).toBe('1');
    expect(b).toMatchObject({ number: '2', presenter: 'المدير العام', documentRefs: ['EC/66/2'], status: 'pending', depth: 0 });
    expect(b1).toMatchObject({ number: '2.1', depth: 1, title: { ar: 'ب ١', en: 'B one', fr: '' } });
    expect(await outline()).toEqual(['1 أ', '2 ب', '2.1 ب ١']);
  });

  it('inserts at an index among siblings, shifting the rest', async () => {
    await add('أ');
    await add('ج');
    await add('ب', { index: 1 });
    await add('صفر', { index: 0 });
    expect(await outline()).toEqual(['1 صفر', '2 أ', '3 ب', '4 ج']);
  });

  it('closes the gap on removal, including among sub-items', async () => {
    const a = await add('أ');
    const b = await add('ب');
    await add('ج');
    const b1 = await add('ب١', { parentId: b.id });
    await add('ب٢', { parentId: b.id });
    await removeAgendaItem(t.ctx, { id: a.id });
    await removeAgendaItem(t.ctx, { id: b1.id });
    expect(await outline()).toEqual(['1 ب', '1.1 ب٢', '2 ج']);
  });

  it('moves an item among siblings and between parents, with its sub-items', async () => {
    const a = await add('أ');
    const b = await add('ب');
    const c = await add('ج');
    const c1 = await add('ج١', { parentId: c.id });
    await moveAgendaItem(t.ctx, { id: c.id, parentId: null, index: 0 });
    expect(await outline()).toEqual(['1 ج', '1.1 ج١', '2 أ', '3 ب']);
    await moveAgendaItem(t.ctx, { id: a.id, parentId: b.id, index: 0 });
    expect(await outline()).toEqual(['1 ج', '1.1 ج١', '2 ب', '2.1 أ']);
    await moveAgendaItem(t.ctx, { id: c1.id, parentId: b.id, index: 99 });
    expect(await outline()).toEqual(['1 ج', '2 ب', '2.1 أ', '2.2 ج١']);
    await moveAgendaItem(t.ctx, { id: a.id, parentId: null, index: 1 });
    expect(await outline()).toEqual(['1 ج', '2 أ', '3 ب', '3.1 ج١']);
  });

  it('edits titles and status', async () => {
    const a = await add('أ');
    const u = await updateAgendaItem(t.ctx, { id: a.id, title: { ar: 'أ', en: 'A', fr: 'A' }, status: 'deferred' });
    expect(u).toMatchObject({ title: { en: 'A', fr: 'A' }, status: 'deferred', number: '1' });
  });

  it('refuses bad input naming the field, leaving everything unchanged', async () => {
    const a = await add('أ');
    const a1 = await add('أ١', { parentId: a.id });
    await expectRefused(add(''), ValidationError, 'title.ar');
    await expectRefused(add('x', { status: 'done' }), ValidationError, 'status');
    await expectRefused(add('x', { parentId: 'nope' }), NotFoundError, 'parentId');
    await expectRefused(addAgendaItem(t.ctx, { sessionId: 'nope', title: title('x') }), NotFoundError, 'sessionId');
    await expectRefused(moveAgendaItem(t.ctx, { id: a.id, parentId: a1.id, index: 0 }), ValidationError, 'parentId');
    await expectRefused(moveAgendaItem(t.ctx, { id: a.id, parentId: a.id, index: 0 }), ValidationError, 'parentId');
    await expectRefused(removeAgendaItem(t.ctx, { id: a.id }), ConflictError, 'id');
    await addNote(t.ctx, { agendaItemId: a1.id, speakerKind: 'chair', text: 'كلمة' });
    await expectRefused(removeAgendaItem(t.ctx, { id: a1.id }), ConflictError, 'id');
    await expectRefused(updateAgendaItem(t.ctx, { id: 'nope', status: 'discussed' }), NotFoundError, 'id');
  });

  it('keeps another session\'s items out of reach', async () => {
    const other = await createSampleSession(t.ctx, { members: 2, number: 67 });
    const theirs = await addAgendaItem(t.ctx, { sessionId: other.sessionId, title: title('لهم') });
    await expectRefused(add('x', { parentId: theirs.id }), ValidationError, 'parentId');
    const mine = await add('لنا');
    await expectRefused(moveAgendaItem(t.ctx, { id: mine.id, parentId: theirs.id, index: 0 }), ValidationError, 'parentId');
  });
});
