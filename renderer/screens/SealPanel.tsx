// After approval: seal and export the minutes (the document and its manifest saved together: one save
// dialog in the desktop app, two downloads in a browser), verify a sealed file the user picks, file the
// signed scan. The seal's fingerprint is shown so it can be read out or compared with the printed one.
import { useState } from 'react';
import { useI18n, type Lang, type MessageKey } from '../i18n';
import { api } from '../api';
import { Field, FormError } from '../components/Field';
import { fileToBase64 } from '../components/files';
import { useMutation, useQuery } from '../components/useApi';
import type { CouncilSession } from '../../src/sessions/types';
import type { MinutesVersionView } from '../../src/approval/types';
import type { VerifyResult } from '../../src/seal/types';

// This computer's zone, used only when the session's venue zone is not known.
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SealPanel({ session, version, lang, done }: { session: CouncilSession; version: MinutesVersionView | undefined; lang: Lang; done: () => void }) {
  const { t, dateTime } = useI18n();
  const key = useQuery('seal.key', {});
  const m = useMutation();
  const [sealed, setSealed] = useState<{ file: string; at: string } | null>(null);
  const sealable = version && (version.status === 'approved' || version.status === 'signed');
  const langs = version?.language.split('+') ?? [];
  const sealLang = (langs.includes(lang) ? lang : (langs[0] ?? 'ar')) as Lang;
  const names: Record<Lang, string> = { ar: 'العربية', en: 'English', fr: 'Français' };

  const seal = async (format: 'docx' | 'pdf') => {
    if (!version) return;
    setSealed(null);
    const r = await m.run('seal.minutes', { versionId: version.id, format, lang: sealLang, timeZone: session.timeZone || localZone });
    if (!r) return;
    const saved = await api.saveFile({ ...r.document, beside: [{ suffix: '.seal.json', mimeType: r.manifest.mimeType, base64: r.manifest.base64 }] });
    if (saved.saved) setSealed({ file: saved.path ?? r.document.fileName, at: r.signedAt });
    done();
  };

  return (
    <section className="panel stack" aria-labelledby="seal-h" data-panel="seal">
      <h2 id="seal-h">{t('seal.title')}</h2>
      {key.data ? (
        <div className="muted">
          {t('seal.fingerprint')}:{' '}
          <code className="fingerprint" dir="ltr" data-fingerprint={key.data.fingerprint}>
            {key.data.fingerprint}
          </code>
        </div>
      ) : null}
      {sealable ? (
        <>
          <p className="hint">{t('seal.hint')}</p>
          <div className="row">
            <button type="button" className="primary" disabled={m.busy} onClick={() => void seal('docx')} data-action="seal-docx">
              {t('seal.docx', { lang: names[sealLang] })}
            </button>
            {key.data?.pdfAvailable ? (
              <button type="button" disabled={m.busy} onClick={() => void seal('pdf')} data-action="seal-pdf">
                {t('seal.pdf', { lang: names[sealLang] })}
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <p className="muted">{t('seal.needsApproval')}</p>
      )}
      <FormError m={m} fields={[]} />
      {sealed ? (
        <div className="banner banner--ok" role="status" data-sealed={sealed.file}>
          {t('seal.sealed', { at: dateTime(sealed.at), file: sealed.file })}
        </div>
      ) : null}
      <VerifyForm />
      <ScanForm sessionId={session.id} />
    </section>
  );
}

function VerifyForm() {
  const { t, dateTime } = useI18n();
  const m = useMutation();
  const [doc, setDoc] = useState<File | null>(null);
  const [manifest, setManifest] = useState<File | null>(null);
  const [publicKey, setPublicKey] = useState<File | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setResult(null);
    if (!doc) return;
    const r = await m.run('seal.verify', {
      fileName: doc.name,
      fileBase64: await fileToBase64(doc),
      ...(manifest ? { manifestText: await manifest.text() } : {}),
      ...(publicKey ? { publicKeyPem: await publicKey.text() } : {}),
    });
    if (r) setResult(r);
  };
  return (
    <form className="stack" onSubmit={submit} data-form="verify">
      <h3>{t('verify.title')}</h3>
      <div className="row">
        <Field label={t('verify.document')} name="fileBase64" m={m}>
          {(p) => <input {...p} type="file" accept=".docx,.pdf" onChange={(e) => setDoc(e.target.files?.[0] ?? null)} data-input="verify-document" />}
        </Field>
        <Field label={t('verify.manifest')} name="manifestText" m={m}>
          {(p) => <input {...p} type="file" accept=".json" onChange={(e) => setManifest(e.target.files?.[0] ?? null)} data-input="verify-manifest" />}
        </Field>
        <Field label={t('verify.publicKey')} name="publicKeyPem" m={m}>
          {(p) => <input {...p} type="file" accept=".pem" onChange={(e) => setPublicKey(e.target.files?.[0] ?? null)} data-input="verify-public-key" />}
        </Field>
      </div>
      <p className="hint">{t('verify.publicKeyHint')}</p>
      <FormError m={m} fields={['fileBase64', 'manifestText', 'publicKeyPem']} />
      <button type="submit" disabled={m.busy || !doc} data-action="verify">
        {t('verify.run')}
      </button>
      {result ? (
        <div className={`banner ${result.valid ? 'banner--ok' : 'banner--bad'}`} role="status" data-verify={result.valid ? 'valid' : 'invalid'}>
          <strong>{result.valid ? t('verify.valid') : t('verify.invalid')}</strong>
          {result.sealed ? (
            <div className="muted">
              {t('verify.sealedInfo', { at: dateTime(result.sealed.signedAt), number: result.sealed.session.number, version: result.sealed.minutesVersion ?? '—' })}{' '}
              <code dir="ltr">{result.sealed.fingerprint}</code>
            </div>
          ) : null}
          {result.trustedKey ? (
            <div className="muted" data-trusted-key={result.trustedKey.thisInstallation ? 'installation' : 'given'}>
              {t(result.trustedKey.thisInstallation ? 'verify.keyUsed.installation' : 'verify.keyUsed.given')}{' '}
              <code dir="ltr" data-fingerprint={result.trustedKey.fingerprint}>
                {result.trustedKey.fingerprint}
              </code>
            </div>
          ) : null}
          {result.problems.length ? (
            <ul>
              {result.problems.map((p) => (
                <li key={p.code} data-problem={p.code}>
                  {t(`verify.problem.${p.code}` as MessageKey)}
                  {/* The verifier's own words are for IT (they name parts and hashes in English): folded away, as elsewhere. */}
                  <details className="technical">
                    <summary>{t('error.technical')}</summary>
                    <bdi dir="ltr">{p.message}</bdi>
                  </details>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

function ScanForm({ sessionId }: { sessionId: string }) {
  const { t, dateTime } = useI18n();
  const m = useMutation();
  const list = useQuery('attachments.list', { sessionId });
  const [file, setFile] = useState<File | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    if (await m.run('scans.file', { sessionId, fileName: file.name, contentBase64: await fileToBase64(file) })) list.reload();
  };
  const scans = (list.data ?? []).filter((a) => a.kind === 'scan');
  return (
    <form className="stack" onSubmit={submit} data-form="scan">
      <h3>{t('scan.title')}</h3>
      <p className="hint">{t('scan.hint')}</p>
      {scans.length === 0 ? <p className="muted">{t('scan.none')}</p> : null}
      {scans.map((s) => (
        <div key={s.id} className="list-item" data-scan={s.fileName}>
          <bdi className="grow">{s.fileName}</bdi>
          <span className="muted">{dateTime(s.createdAt)}</span>
          <code dir="ltr" title={s.sha256}>
            SHA-256 {s.sha256.slice(0, 16)}…
          </code>
        </div>
      ))}
      <div className="row">
        <Field label={t('scan.file')} name="contentBase64" m={m} className="grow">
          {(p) => <input {...p} type="file" accept=".pdf,.png,.jpg,.jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-input="scan" />}
        </Field>
        <button type="submit" disabled={m.busy || !file} data-action="file-scan">
          {t('scan.submit')}
        </button>
      </div>
      <FormError m={m} fields={['contentBase64']} />
    </form>
  );
}
