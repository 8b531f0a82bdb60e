// Moving a session between laptops as one .zip. Export: the archive handed to the host to save. Import:
// the archive is read and checked by the core; a session already here is never overwritten silently —
// the core writes nothing and says what differs, and the secretary chooses to replace it or keep it.
// A locked session whose seal does not verify here is refused: see SealRefusal.tsx for the ways forward.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../api';
import { FormError } from '../components/Field';
import { fileToBase64 } from '../components/files';
import { useMutation } from '../components/useApi';
import type { ZipImportResult } from '../../src/bundle/zip-schema';
import { sealRefusal, SealRefusalChoices, type SealTrust } from './SealRefusal';

/** Export a session's .zip and save it; the saved name, or null (cancelled or refused: see m.error). */
export async function exportSession(m: ReturnType<typeof useMutation>, sessionId: string): Promise<string | null> {
  const zip = await m.run('bundles.exportZip', { sessionId });
  if (!zip) return null;
  const saved = await api.saveFile(zip);
  return saved.saved ? (saved.path ?? zip.fileName) : null;
}

export function ExportSessionButton({ sessionId, number }: { sessionId: string; number: number }) {
  const { t } = useI18n();
  const m = useMutation();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="small" disabled={m.busy} onClick={() => void exportSession(m, sessionId).then(setSaved)} data-export-session={number}>
        {t('transfer.export')}
      </button>
      {saved ? (
        <span role="status" className="muted" data-exported={saved}>
          {t('transfer.exported', { file: saved })}
        </span>
      ) : null}
      {m.error ? <FormError m={m} fields={[]} /> : null}
    </>
  );
}

export function ImportSessionPanel({ request, handled, imported }: { request: number; handled?: (() => void) | undefined; imported: (sessionId: string | null) => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const input = useRef<HTMLInputElement>(null);
  const [archive, setArchive] = useState<{ fileName: string; base64: string } | null>(null);
  const [result, setResult] = useState<ZipImportResult | null>(null);
  // The key trusted (or the unverified copy chosen) for this archive, kept for a replace/keep that follows.
  const [trust, setTrust] = useState<SealTrust | null>(null);

  const send = async (zip: { fileName: string; base64: string }, choice?: 'replace' | 'keep', given: SealTrust | null = trust) => {
    const r = await m.run('bundles.importZip', { zipBase64: zip.base64, ...(choice ? { choice } : {}), ...(given ?? {}) });
    setResult(r);
    if (r && r.status !== 'exists') imported(r.status === 'imported' ? r.sessionId : null);
  };
  const picked = async (zip: { fileName: string; base64: string } | null) => {
    if (!zip) return;
    setArchive(zip);
    setResult(null);
    setTrust(null);
    await send(zip, undefined, null);
  };
  // The desktop app reads the file through its own dialog (also from the File menu, without a click in
  // the page); a browser needs the file input, opened by the user's click.
  const start = () => {
    if (api.pickFile) void api.pickFile('session-zip').then(picked);
    else input.current?.click();
  };
  // A request from the File menu starts one pick, then is consumed (start itself changes every render).
  useEffect(() => {
    if (request <= 0) return;
    handled?.();
    start();
  }, [request]);

  return (
    <>
      <button type="button" onClick={start} disabled={m.busy} data-action="import-session">
        {t('transfer.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip"
        hidden
        data-input="import-session"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) await picked({ fileName: file.name, base64: await fileToBase64(file) });
        }}
      />
      {m.error || result ? (
        <div className="panel stack import-result" role="status" data-import={result?.status ?? 'refused'}>
          <FormError m={m} fields={[]} />
          {archive ? <bdi className="muted">{archive.fileName}</bdi> : null}
          {result?.status === 'imported' ? <p>{t(result.replaced ? 'transfer.replaced' : result.locked ? 'transfer.importedLocked' : 'transfer.imported')}</p> : null}
          {result?.status === 'imported' && result.unverifiedCopy ? (
            <p className="banner banner--warn" data-unverified-copy={result.unverifiedCopy.reason}>
              {t('transfer.importedUnverified')}
            </p>
          ) : null}
          {result?.status === 'imported' && result.verifiedBy && !result.verifiedBy.thisInstallation ? (
            <p data-verified-by={result.verifiedBy.fingerprint}>{t('transfer.importedLockedKey', { fingerprint: result.verifiedBy.fingerprint })}</p>
          ) : null}
          {!result && archive && sealRefusal(m.error) ? (
            <SealRefusalChoices
              key={archive.base64.length + archive.fileName}
              code={sealRefusal(m.error)!}
              busy={m.busy}
              retry={(given) => {
                setTrust(given);
                void send(archive, undefined, given);
              }}
            />
          ) : null}
          {result?.status === 'kept' ? <p>{t('transfer.kept')}</p> : null}
          {result?.status === 'exists' && archive ? (
            <>
              <p>
                <strong>{t('transfer.exists')}</strong> {result.identical ? t('transfer.identical') : t('transfer.different')}
              </p>
              {result.existingLocked ? <p className="hint">{t('transfer.existsLocked')}</p> : null}
              {result.sessionFieldsChanged.length ? <p data-fields-changed>{t('transfer.fieldsChanged', { fields: result.sessionFieldsChanged.join('، ') })}</p> : null}
              {result.differences.length ? (
                <ul>
                  {result.differences.map((d) => (
                    <li key={d.table} data-difference={d.table}>
                      {t('transfer.table', { table: d.table, added: d.added.length, removed: d.removed.length, changed: d.changed.length })}
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="row">
                <button type="button" className="danger" disabled={m.busy} onClick={() => void send(archive, 'replace')} data-action="import-replace">
                  {t('transfer.replace')}
                </button>
                <button type="button" disabled={m.busy} onClick={() => void send(archive, 'keep')} data-action="import-keep">
                  {t('transfer.keep')}
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
