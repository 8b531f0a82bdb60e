// Translations of the record: for a chosen language (English or French), the original and its translation
// side by side, a worklist of what is still missing or translated from an original edited since, save-and-next from the keyboard (Ctrl+Enter), and the
// exchange with a translator's tool as XLIFF 2.0 (export, and import of the translated file, checked).
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../api';
import { FormError, QueryError } from '../components/Field';
import { textToBase64 } from '../components/files';
import { useMutation, useQuery } from '../components/useApi';
import type { TranslationEntry, XliffImportResult } from '../../src/translations/types';
import type { TabProps } from './SessionWorkspace';

type Target = 'en' | 'fr';

export function TranslationsTab({ session }: TabProps) {
  const { t, lang: uiLang } = useI18n();
  const [target, setTarget] = useState<Target>('en');
  const [missingOnly, setMissingOnly] = useState(true);
  const list = useQuery('translations.list', { sessionId: session.id, language: target, missingOnly });
  const [current, setCurrent] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [imported, setImported] = useState<XliffImportResult | null>(null);
  const save = useMutation();
  const xliff = useMutation();
  const box = useRef<HTMLTextAreaElement>(null);
  const entries = list.data?.entries ?? [];
  const entry = entries.find((e) => e.unitId === current) ?? entries[0] ?? null;

  useEffect(() => {
    setDraft(entry?.translation ?? '');
    save.clear();
  }, [entry?.unitId, target]);

  const saveAndNext = async () => {
    if (!entry) return;
    const r = await save.run('translations.set', { field: entry.field, id: entry.id, language: target, text: draft });
    if (!r) return;
    const at = entries.findIndex((e) => e.unitId === entry.unitId);
    // In the worklist the saved text leaves the list: the next one takes its place.
    const next = entries.slice(at + 1).find((e) => !missingOnly || !e.translation.trim() || e.stale) ?? null;
    setCurrent(next?.unitId ?? null);
    list.reload();
    box.current?.focus();
  };

  // XLIFF has one source language per file: the texts typed in Arabic, or (notes) those typed in the other of English and French.
  const otherSource: 'en' | 'fr' = target === 'en' ? 'fr' : 'en';
  const exportFile = async (sourceLanguage?: 'en' | 'fr') => {
    const r = await xliff.run('translations.exportXliff', { sessionId: session.id, language: target, ...(sourceLanguage ? { sourceLanguage } : {}) });
    if (r) await api.saveFile({ fileName: r.fileName, mimeType: 'application/xliff+xml', base64: textToBase64(r.xliff) });
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImported(null);
    const r = await xliff.run('translations.importXliff', { sessionId: session.id, xliff: await file.text(), language: target });
    if (r) {
      setImported(r);
      list.reload();
    }
  };

  const label = (e: TranslationEntry) => e.label[uiLang];
  return (
    <div className="cols" style={{ gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.6fr)' }} data-translations={target}>
      <section className="panel stack" aria-labelledby="tr-list-h">
        <div className="row">
          <h2 id="tr-list-h" className="grow">{t('translations.title')}</h2>
          <div role="group" aria-label={t('translations.language')} className="choice-group">
            {(['en', 'fr'] as const).map((l) => (
              <button key={l} type="button" className="small" aria-pressed={target === l} onClick={() => { setTarget(l); setCurrent(null); }} lang={l} data-translation-lang={l}>
                {l === 'en' ? 'English' : 'Français'}
              </button>
            ))}
          </div>
        </div>
        <label className="row">
          <input type="checkbox" checked={missingOnly} onChange={(e) => setMissingOnly(e.target.checked)} data-missing-only />
          {t('translations.missingOnly')}
        </label>
        <QueryError error={list.error} />
        {list.data ? <p className="muted" data-missing-count={list.data.missing}>{t('translations.count', { missing: list.data.missing, total: list.data.total })}</p> : null}
        {list.data?.stale ? <p className="banner banner--warn" data-stale-count={list.data.stale}>{t('translations.stale', { stale: list.data.stale })}</p> : null}
        {entries.length === 0 && list.data ? <p className="banner banner--ok" data-worklist-empty>{t('translations.none')}</p> : null}
        <ol className="stack" style={{ maxHeight: 420, overflowY: 'auto', paddingInlineStart: 20 }}>
          {entries.map((e) => (
            <li key={e.unitId}>
              <button type="button" className="link" aria-current={entry?.unitId === e.unitId} onClick={() => setCurrent(e.unitId)} data-unit={e.unitId}>
                <span className="muted">{label(e)}: </span>
                <bdi>{e.original.length > 60 ? `${e.original.slice(0, 60)}…` : e.original}</bdi>
                {e.stale ? <span title={t('translations.staleMark')} data-stale> ⚠</span> : e.translation.trim() ? ' ✓' : ''}
              </button>
            </li>
          ))}
        </ol>
        <div className="row">
          <button type="button" onClick={() => void exportFile()} disabled={xliff.busy} data-action="export-xliff">{t('translations.export')}</button>
          <button type="button" onClick={() => void exportFile(otherSource)} disabled={xliff.busy} data-action="export-xliff-from">
            {t('translations.exportFrom', { language: t(`workingDocs.lang.${otherSource}`) })}
          </button>
          <label className="button">
            {t('translations.import')}
            <input type="file" accept=".xlf,.xliff,application/xliff+xml" hidden onChange={(e) => { void importFile(e.target.files?.[0]); e.target.value = ''; }} data-action="import-xliff" />
          </label>
        </div>
        <FormError m={xliff} fields={[]} />
        {imported ? <div className="banner banner--ok" role="status" data-imported={imported.updated}>{t('translations.imported', { updated: imported.updated, empty: imported.empty })}</div> : null}
      </section>
      {entry ? (
        <section className="panel stack" aria-labelledby="tr-edit-h" data-editing={entry.unitId}>
          <h2 id="tr-edit-h">{label(entry)}</h2>
          {entry.stale ? <div className="banner banner--warn" role="status" data-stale-entry>{t('translations.staleMark')}</div> : null}
          <div className="cols" style={{ gridTemplateColumns: '1fr 1fr' }}>
            <div>
              <div className="muted">{t('translations.original')}</div>
              <p dir="auto" lang={entry.originalLanguage} style={{ whiteSpace: 'pre-wrap' }} data-original>{entry.original}</p>
            </div>
            <label>
              <div className="muted">{t('translations.translation')} ({target === 'en' ? 'English' : 'Français'})</div>
              <textarea
                ref={box}
                name="translation"
                dir="ltr"
                lang={target}
                rows={8}
                value={draft}
                autoFocus
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    void saveAndNext();
                  }
                }}
              />
            </label>
          </div>
          <FormError m={save} fields={['text']} />
          <div className="row">
            <button type="button" className="primary" disabled={save.busy} onClick={() => void saveAndNext()} data-action="save-translation">{t('translations.saveNext')}</button>
            <span className="muted">{t('translations.keys')}</span>
          </div>
        </section>
      ) : null}
    </div>
  );
}
