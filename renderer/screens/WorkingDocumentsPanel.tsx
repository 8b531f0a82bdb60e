// The working documents of the session's agenda items (PDF, Word, Excel): attach one from a file picker
// with its symbol, language and version, see them per item with their SHA-256, save one, remove one
// (until the session is locked). The core checks the file's bytes; nothing is judged by its name here.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../api';
import { Field, FormError } from '../components/Field';
import { ConfirmButton } from '../components/ConfirmButton';
import { fileToBase64 } from '../components/files';
import { useMutation, useQuery } from '../components/useApi';
import type { AgendaItem } from '../../src/agenda/types';
import type { WorkingDocument } from '../../src/working-documents/types';
import { agendaTitle } from './AgendaTab';

const LANGS = ['ar', 'en', 'fr'] as const;

export function WorkingDocumentsPanel({ sessionId, items, locked }: { sessionId: string; items: AgendaItem[]; locked: boolean }) {
  const { t, lang } = useI18n();
  const list = useQuery('workingDocuments.list', { sessionId });
  const m = useMutation();
  const [itemId, setItemId] = useState('');
  const [symbol, setSymbol] = useState('');
  const [language, setLanguage] = useState<(typeof LANGS)[number]>('ar');
  const [version, setVersion] = useState(1);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const docs = list.data ?? [];
  const chosenItem = itemId || items[0]?.id || '';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file || !chosenItem) return;
    const added = await m.run('workingDocuments.attach', {
      agendaItemId: chosenItem,
      symbol,
      language,
      version,
      title,
      fileName: file.name,
      contentBase64: await fileToBase64(file),
    });
    if (added) {
      setSymbol('');
      setTitle('');
      setVersion(1);
      setFile(null);
      setInputKey((k) => k + 1);
      list.reload();
    }
  };
  const save = async (doc: WorkingDocument) => {
    const got = await m.run('workingDocuments.download', { documentId: doc.id });
    if (got) await api.saveFile({ fileName: got.fileName, mimeType: got.mimeType, base64: got.base64 });
  };
  const remove = async (doc: WorkingDocument) => {
    if (await m.run('workingDocuments.remove', { documentId: doc.id })) list.reload();
  };

  return (
    <section className="panel stack" aria-labelledby="working-docs-h" data-panel="working-documents">
      <h2 id="working-docs-h">{t('workingDocs.title')}</h2>
      <p className="hint">{t('workingDocs.hint')}</p>
      {docs.length === 0 ? <p className="muted">{t('workingDocs.none')}</p> : null}
      {items
        .filter((i) => docs.some((d) => d.agendaItemId === i.id))
        .map((i) => (
          <div key={i.id} className="stack">
            <h3>
              {i.number}. {agendaTitle(i, lang)}
            </h3>
            {docs
              .filter((d) => d.agendaItemId === i.id)
              .map((d) => (
                <div key={d.id} className="list-item" data-working-document={`${d.symbol}|${d.language}|${d.version}`}>
                  {/* Symbol and title each isolated: a Latin symbol beside an Arabic title keeps its place. */}
                  <span className="grow">
                    <bdi>
                      <strong>{d.symbol}</strong>
                    </bdi>
                    {d.title ? (
                      <>
                        {' — '}
                        <bdi>{d.title}</bdi>
                      </>
                    ) : null}
                  </span>
                  <span style={{ whiteSpace: 'nowrap' }}>{t(`workingDocs.lang.${d.language}`)}</span>
                  <span style={{ whiteSpace: 'nowrap' }}>{t('workingDocs.versionN', { n: d.version })}</span>
                  <code dir="ltr" title={d.sha256}>
                    SHA-256 {d.sha256.slice(0, 12)}…
                  </code>
                  <button type="button" className="small" onClick={() => void save(d)} data-action="download-working-document">
                    {t('workingDocs.download')}
                  </button>
                  {locked ? null : (
                    <ConfirmButton label={t('workingDocs.remove')} warning={t('workingDocs.removeWarning', { symbol: d.symbol })} onConfirm={() => void remove(d)} action="remove-working-document" />
                  )}
                </div>
              ))}
          </div>
        ))}
      {locked || items.length === 0 ? null : (
        <form className="stack" onSubmit={submit} data-form="attach-working-document">
          <h3>{t('workingDocs.attach')}</h3>
          <Field label={t('workingDocs.item')} name="agendaItemId" m={m}>
            {(p) => (
              <select {...p} value={chosenItem} onChange={(e) => setItemId(e.target.value)}>
                {items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.number}. {agendaTitle(i, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="row">
            <Field label={t('workingDocs.symbol')} name="symbol" m={m} className="grow">
              {(p) => <input {...p} dir="ltr" value={symbol} placeholder="EC/66/4/Rev.1" onChange={(e) => setSymbol(e.target.value)} />}
            </Field>
            <Field label={t('workingDocs.language')} name="language" m={m}>
              {(p) => (
                <select {...p} value={language} onChange={(e) => setLanguage(e.target.value as (typeof LANGS)[number])}>
                  {LANGS.map((l) => (
                    <option key={l} value={l}>
                      {t(`workingDocs.lang.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('workingDocs.version')} name="version" m={m}>
              {(p) => <input {...p} type="number" min={1} max={99} value={version} onChange={(e) => setVersion(Number(e.target.value))} />}
            </Field>
          </div>
          <Field label={t('workingDocs.docTitle')} name="title" m={m}>
            {(p) => <input {...p} dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field label={t('workingDocs.file')} name="contentBase64" m={m}>
            {(p) => (
              <input
                {...p}
                key={inputKey}
                type="file"
                accept=".pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                data-input="working-document"
              />
            )}
          </Field>
          <div className="row">
            <button type="submit" className="primary" disabled={m.busy || !file || !symbol.trim()} data-action="attach-working-document">
              {t('workingDocs.attachButton')}
            </button>
          </div>
        </form>
      )}
      <FormError m={m} fields={['agendaItemId', 'symbol', 'language', 'version', 'title', 'contentBase64']} />
    </section>
  );
}
