// The session's other documents (decisions, follow-up report, annotated agenda, list of documents) as
// .docx in the language chosen for the minutes, handed to the host to save like the minutes.
import { useState } from 'react';
import { useI18n, type Lang, type MessageKey } from '../i18n';
import { api } from '../api';
import { FormError } from '../components/Field';
import { useMutation } from '../components/useApi';

const KINDS = [
  { call: 'documents.decisions', label: 'documents.kind.decisions' },
  { call: 'documents.followUp', label: 'documents.kind.followUp' },
  { call: 'documents.agenda', label: 'documents.kind.agenda' },
  { call: 'documents.documentsList', label: 'documents.kind.documentsList' },
  { call: 'documents.convocation', label: 'documents.kind.convocation' },
] as const satisfies readonly { call: string; label: MessageKey }[];

export function DocumentsPanel({ sessionId, lang, langName, timeZone }: { sessionId: string; lang: Lang; langName: string; timeZone: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<(typeof KINDS)[number]['call']>('documents.decisions');
  const [saved, setSaved] = useState<string | null>(null);
  const m = useMutation();
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
      <FormError m={m} fields={[]} />
      {saved ? (
        <div className="banner banner--ok" role="status" data-saved={saved}>
          {t('minutes.saved', { file: saved })}
        </div>
      ) : null}
    </section>
  );
}
