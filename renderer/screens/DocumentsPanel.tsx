// The session's other documents (decisions, follow-up report, annotated agenda, list of documents) as
// .docx in the language chosen for the minutes, handed to the host to save like the minutes.
import { useState } from 'react';
import { useI18n, type Lang, type MessageKey } from '../i18n';
import { api } from '../api';
import { FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';

const KINDS = [
  { call: 'documents.decisions', label: 'documents.kind.decisions', kind: 'decisions' },
  { call: 'documents.followUp', label: 'documents.kind.followUp', kind: 'follow-up' },
  { call: 'documents.agenda', label: 'documents.kind.agenda', kind: 'agenda' },
  { call: 'documents.documentsList', label: 'documents.kind.documentsList', kind: 'documents-list' },
  { call: 'documents.convocation', label: 'documents.kind.convocation', kind: 'convocation' },
] as const satisfies readonly { call: string; label: MessageKey; kind: string }[];

export function DocumentsPanel({ sessionId, lang, langName, timeZone }: { sessionId: string; lang: Lang; langName: string; timeZone: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<(typeof KINDS)[number]['call']>('documents.decisions');
  const [saved, setSaved] = useState<string | null>(null);
  const m = useMutation();
  const settings = useQuery('settings.get', {});
  const sealable = KINDS.find((k) => k.call === kind)!.kind;
  // Sealed like the minutes when the settings say so (the core also checks the approval).
  const sealing = settings.data?.sealedDocuments.includes(sealable) ?? false;
  const [sealedBy, setSealedBy] = useState<string | null>(null);
  const seal = async () => {
    setSaved(null);
    setSealedBy(null);
    const sealed = await m.run('seal.document', { sessionId, kind: sealable, lang });
    if (!sealed) return;
    const result = await api.saveFile({ ...sealed.document, beside: [{ suffix: '.seal.json', mimeType: sealed.manifest.mimeType, base64: sealed.manifest.base64 }] });
    if (result.saved) {
      setSaved(result.path ?? sealed.document.fileName);
      setSealedBy(sealed.fingerprint);
    }
  };
  const generate = async () => {
    setSaved(null);
    const file = await m.run(kind, { sessionId, lang, timeZone });
    if (!file) return;
    const result = await api.saveFile(file);
    if (result.saved) setSaved(result.path ?? file.fileName);
  };
  return (
    <section className="panel stack" aria-labelledby="documents-h">
      <h2 id="documents-h">{t('documents.title')}</h2>
      <p className="muted">{t('documents.hint', { lang: langName })}</p>
      <label>
        {t('documents.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} data-field="document-kind">
          {KINDS.map((k) => (
            <option key={k.call} value={k.call}>
              {t(k.label)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={m.busy} onClick={() => void generate()} data-action="generate-document">
        {t('documents.generate', { lang: langName })}
      </button>
      {sealing ? (
        <button type="button" disabled={m.busy} onClick={() => void seal()} data-action="seal-document">
          {t('documents.seal', { lang: langName })}
        </button>
      ) : null}
      <FormError m={m} fields={[]} />
      {saved ? (
        <div className="banner banner--ok" role="status" data-saved={saved}>
          {t('minutes.saved', { file: saved })}
          {sealedBy ? <div>{t('documents.sealed', { fingerprint: sealedBy })}</div> : null}
        </div>
      ) : null}
    </section>
  );
}
