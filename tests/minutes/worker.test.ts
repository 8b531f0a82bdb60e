// Minutes rendered on a worker thread with its own read-only connection (src/minutes/worker-pool.ts):
// the same minutes as in-process, the host's event loop free meanwhile, the unchanged session answered
// from the cache, any change seen at once, and typed errors carried back.
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/api/dispatch';
import { generateMinutesDocx, generateMinutesHtml } from '../../src/minutes/generate';
import { createMinutesRenderer, sourceWorkerScript, type MinutesRenderer } from '../../src/minutes/worker-pool';
import type { TempDb } from '../helpers/temp-db';
import { sampleDb } from './sample';

let t: TempDb | null = null;
let renderer: MinutesRenderer | null = null;
afterEach(async () => {
  await renderer?.close();
  renderer = null;
  await t?.cleanup();
  t = null;
});

async function documentXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}

async function sessionId(db: TempDb, number: number): Promise<string> {
  return (await db.db.selectFrom('councilSession').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
}

describe('the minutes worker', () => {
  it('renders the same minutes as in-process, keeping the event loop free, and answers again from its cache', async () => {
    t = await sampleDb();
    const id = await sessionId(t, 66);
    renderer = createMinutesRenderer(t.path, sourceWorkerScript());

    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const first = await renderer.docx(id, { lang: 'ar' });
    clearInterval(timer);
    // The render took long enough for many turns of this thread's event loop: it was not blocked.
    expect(ticks).toBeGreaterThan(5);
    expect(first.cached).toBe(false);
    const inProcess = await generateMinutesDocx(t.ctx, id, { lang: 'ar' });
    expect(await documentXml(first.bytes)).toBe(await documentXml(inProcess));

    const again = await renderer.docx(id, { lang: 'ar' });
    expect(again.cached).toBe(true);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const english = await renderer.docx(id, { lang: 'en' });
    expect(english.cached).toBe(false);

    const html = await renderer.html(id, { lang: 'fr' });
    expect(html.html).toBe(await generateMinutesHtml(t.ctx, id, { lang: 'fr' }));
    expect((await renderer.html(id, { lang: 'fr' })).cached).toBe(true);
  });

  it('sees a change made through the app at once: an edited record is rendered anew', async () => {
    t = await sampleDb();
    const id = await sessionId(t, 66);
    renderer = createMinutesRenderer(t.path, sourceWorkerScript());
    const before = await renderer.html(id, { lang: 'en' });
    await t.db.updateTable('councilSession').set({ venueCityEn: 'Marrakesh' }).where('id', '=', id).execute();
    const after = await renderer.html(id, { lang: 'en' });
    expect(after.cached).toBe(false);
    expect(after.html).toContain('Marrakesh');
    expect(before.html).not.toContain('Marrakesh');
  });

  it('carries typed errors back, and serves the API of a host that hands it to the dispatcher', async () => {
    t = await sampleDb();
    renderer = createMinutesRenderer(t.path, sourceWorkerScript());
    await expect(renderer.html('no-such-session', { lang: 'ar' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const dispatch = createDispatcher(t.ctx, { minutes: renderer });
    const file = await dispatch('minutes.docx', { sessionId: await sessionId(t, 65), lang: 'fr' });
    expect(file).toMatchObject({ ok: true, value: { fileName: 'minutes-ordinary-65-fr.docx' } });
    const refused = await dispatch('minutes.preview', { sessionId: 'nope', lang: 'ar' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'sessionId' } });
  });
});
