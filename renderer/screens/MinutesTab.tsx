// The minutes: a preview in the chosen language, the .docx generated in Arabic, English or French and
// handed to the host (a save dialog in the desktop app, a download in a browser), then opened or shown
// in its folder where the host can; the session's signatories.
import { useEffect, useState } from 'react';
import { useI18n, type Lang } from '../i18n';
import { api } from '../api';
import { Field, FormError, QueryError } from '../components/Field';
import { HtmlPreview } from '../components/HtmlPreview';
import { useMutation, useQuery } from '../components/useApi';
import type { TabProps } from './SessionWorkspace';
import { ApprovalPanel } from './ApprovalPanel';
import { DocumentsPanel } from './DocumentsPanel';

// This computer's zone, used only when the session's venue zone is not known.
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** While the minutes are generated (in the worker, the app stays usable): a moving bar and the seconds so far. */
function GenerationProgress() {
  const { t } = useI18n();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="stack" role="status" data-minutes-progress>
      <progress aria-label={t('minutes.generating')} />
      <span className="muted">
        {t('minutes.generating')} {t('minutes.elapsed', { s: seconds })}
      </span>
    </div>
  );
}

export function MinutesTab({ session, reloadSession }: TabProps) {
  const { t, lang: uiLang } = useI18n();
  const [lang, setLang] = useState<Lang>(session.languages[0] ?? 'ar');
  const timeZone = session.timeZone || localZone;
  const preview = useQuery('minutes.preview', { sessionId: session.id, lang, timeZone });
  const m = useMutation();
  const [saved, setSaved] = useState<{ path?: string; fileName: string } | null>(null);
  const generate = async () => {
    setSaved(null);
    const file = await m.run('minutes.docx', { sessionId: session.id, lang, timeZone });
    if (!file) return;
    const result = await api.saveFile(file);
    if (result.saved) setSaved({ fileName: file.fileName, ...(result.path ? { path: result.path } : {}) });
  };
  const names: Record<Lang, string> = { ar: 'العربية', en: 'English', fr: 'Français' };
  return (
    <div className="cols" style={{ gridTemplateColumns: 'minmax(0, 1.8fr) minmax(0, 1fr)' }}>
      <section className="panel" aria-labelledby="preview-h">
        <div className="row" style={{ marginBlockEnd: 8 }}>
          <h2 id="preview-h" className="grow">
            {t('minutes.preview')}
          </h2>
          <div role="group" aria-label={t('minutes.language')} className="choice-group">
            {(['ar', 'en', 'fr'] as const).map((l) => (
              <button key={l} type="button" className="small" aria-pressed={lang === l} onClick={() => setLang(l)} lang={l} data-minutes-lang={l}>
                {names[l]}
              </button>
            ))}
          </div>
        </div>
        <QueryError error={preview.error} />
        {preview.data ? <HtmlPreview html={preview.data.html} label={t('minutes.preview')} /> : <p className="muted">{t('common.loading')}</p>}
      </section>
      <div>
        <section className="panel stack" aria-labelledby="docx-h">
          <h2 id="docx-h">{t('minutes.document')}</h2>
          <p className="muted">{t('minutes.documentHint', { lang: names[lang] })}</p>
          <button type="button" className="primary" disabled={m.busy} onClick={() => void generate()} data-action="generate-docx">
            {m.busy ? t('minutes.generating') : t('minutes.generate', { lang: names[lang] })}
          </button>
          {m.busy ? <GenerationProgress /> : null}
          <FormError m={m} fields={[]} />
          {saved ? (
            <div className="banner banner--ok" role="status" data-saved={saved.fileName}>
              {t('minutes.saved', { file: saved.path ?? saved.fileName })}
              {saved.path && api.openPath ? (
                <div className="row" style={{ marginBlockStart: 6 }}>
                  <button type="button" className="small" onClick={() => void api.openPath?.(saved.path!)}>
                    {t('minutes.open')}
                  </button>
                  {api.showInFolder ? (
                    <button type="button" className="small" onClick={() => void api.showInFolder?.(saved.path!)}>
                      {t('minutes.showInFolder')}
                    </button>
                  ) : null}
                </div>
              ) : null}
            </div>
          ) : null}
        </section>
        <DocumentsPanel sessionId={session.id} lang={lang} langName={names[lang]} timeZone={timeZone} />
        <ApprovalPanel session={session} lang={lang} reloadSession={reloadSession} />
        <SignatoriesPanel sessionId={session.id} uiLang={uiLang} />
      </div>
    </div>
  );
}

function SignatoriesPanel({ sessionId, uiLang }: { sessionId: string; uiLang: Lang }) {
  const { t } = useI18n();
  const settings = useQuery('settings.get', {});
  const list = useQuery('signatories.list', { sessionId });
  const m = useMutation();
  const [names, setNames] = useState<Record<string, string>>({});
  const save = async (roleKey: string) => {
    const fullName = names[roleKey] ?? list.data?.find((s) => s.roleKey === roleKey)?.fullName ?? '';
    if (await m.run('signatories.set', { sessionId, roleKey, fullName })) list.reload();
  };
  return (
    <section className="panel stack" aria-labelledby="sign-h">
      <h2 id="sign-h">{t('settings.signatories')}</h2>
      {(settings.data?.signatoryRoles ?? []).map((role) => {
        const stored = list.data?.find((s) => s.roleKey === role.key);
        return (
          <form
            key={role.key}
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void save(role.key);
            }}
          >
            <Field label={role.title[uiLang]} name="fullName" m={m} className="grow">
              {(p) => <input {...p} dir="auto" value={names[role.key] ?? stored?.fullName ?? ''} onChange={(e) => setNames({ ...names, [role.key]: e.target.value })} />}
            </Field>
            <button type="submit" className="small">
              {t('common.save')}
            </button>
          </form>
        );
      })}
      <FormError m={m} fields={['fullName']} />
    </section>
  );
}
