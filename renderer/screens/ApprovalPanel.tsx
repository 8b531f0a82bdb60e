// The life of the minutes: versions (draft → circulated → approved → signed); approving locks the
// session's record, after which only a corrigendum (and a new version carrying it) changes anything.
import { useState } from 'react';
import { useI18n, type Lang } from '../i18n';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field, FormError } from '../components/Field';
import { useMutation, useQuery } from '../components/useApi';
import type { CouncilSession } from '../../src/sessions/types';
import type { MinutesVersionView } from '../../src/approval/types';
import { SealPanel } from './SealPanel';

export function ApprovalPanel({ session, lang, reloadSession }: { session: CouncilSession; lang: Lang; reloadSession: () => void }) {
  const { t, dateTime } = useI18n();
  const versions = useQuery('minutesVersions.list', { sessionId: session.id });
  const m = useMutation();
  const [approvedAt, setApprovedAt] = useState('');
  const [reason, setReason] = useState('');
  const list = versions.data ?? [];
  const latest = list[list.length - 1];
  const done = () => {
    versions.reload();
    reloadSession();
  };
  const step = async (v: MinutesVersionView) => {
    const ok =
      v.status === 'draft'
        ? await m.run('minutesVersions.circulate', { versionId: v.id })
        : v.status === 'circulated'
          ? await m.run('minutesVersions.approve', { versionId: v.id, approvedAtSession: approvedAt || null })
          : await m.run('minutesVersions.markSigned', { versionId: v.id });
    if (ok) done();
  };
  return (
    <>
      <section className="panel stack" aria-labelledby="approval-h">
        <h2 id="approval-h">{t('approval.title')}</h2>
        {list.length === 0 ? <p className="muted">{t('approval.none')}</p> : null}
        {list.map((v) => (
          <div key={v.id} className="list-item" data-version={v.version} data-version-status={v.status}>
            <span className="grow">
              {t('approval.version', { n: v.version })} ({v.language}) — {dateTime(v.createdAt)}
            </span>
            <span className="badge">{t(`approval.status.${v.status}`)}</span>
          </div>
        ))}
        {latest && latest.status === 'circulated' ? (
          <Field label={t('approval.approvedAt')} name="approvedBySittingId" m={m}>
            {(p) => <input {...p} dir="auto" value={approvedAt} placeholder={t('approval.approvedAtHint')} onChange={(e) => setApprovedAt(e.target.value)} />}
          </Field>
        ) : null}
        <div className="row">
          {latest && latest.status === 'circulated' ? (
            // Approval locks the whole record: it asks first and says so.
            <ConfirmButton className="primary" disabled={m.busy} label={t('approval.next.circulated')} warning={t('confirm.approve')} onConfirm={() => void step(latest)} action="minutes-next-step" />
          ) : latest && latest.status !== 'signed' ? (
            <button type="button" className="primary" disabled={m.busy} onClick={() => void step(latest)} data-action="minutes-next-step">
              {t(`approval.next.${latest.status}`)}
            </button>
          ) : null}
          {!session.lockedAt ? (
            <button type="button" disabled={m.busy} onClick={() => void m.run('minutesVersions.create', { sessionId: session.id, language: lang }).then((r) => r && done())}>
              {t('approval.newVersion')}
            </button>
          ) : null}
        </div>
        {session.lockedAt ? (
          <div className="stack">
            <p className="banner banner--info">{t('approval.locked', { at: dateTime(session.lockedAt) })}</p>
            <CorrigendumForm sessionId={session.id} done={done} />
            <Field label={t('approval.unlockReason')} name="reason" m={m}>
              {(p) => <input {...p} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <button type="button" className="danger" disabled={m.busy} onClick={() => void m.run('sessions.unlock', { sessionId: session.id, reason }).then((r) => r && done())}>
              {t('approval.unlock')}
            </button>
          </div>
        ) : null}
        <FormError m={m} fields={['approvedBySittingId', 'reason']} />
      </section>
      <SealPanel session={session} version={latest} lang={lang} done={done} />
    </>
  );
}

/** A corrigendum: the only change to an approved record; a new version of the minutes then carries it. */
function CorrigendumForm({ sessionId, done }: { sessionId: string; done: () => void }) {
  const { t } = useI18n();
  const m = useMutation();
  const list = useQuery('corrigenda.list', { sessionId });
  const [text, setText] = useState({ textAr: '', textEn: '', textFr: '' });
  const [reason, setReason] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await m.run('corrigenda.add', { sessionId, ...text, reason })) {
      setText({ textAr: '', textEn: '', textFr: '' });
      setReason('');
      list.reload();
      done();
    }
  };
  return (
    <form className="stack" onSubmit={submit} data-form="new-corrigendum">
      <h3>{t('corrigenda.title')}</h3>
      {(list.data ?? []).map((c) => (
        <div key={c.id} className="muted">
          {c.number}. <bdi>{c.textAr}</bdi>
        </div>
      ))}
      {(['textAr', 'textEn', 'textFr'] as const).map((k) => (
        <Field key={k} label={t(`corrigenda.${k}`)} name={k} m={m}>
          {(p) => <textarea {...p} rows={2} dir="auto" value={text[k]} onChange={(e) => setText({ ...text, [k]: e.target.value })} />}
        </Field>
      ))}
      <Field label={t('corrigenda.reason')} name="reason" m={m}>
        {(p) => <input {...p} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormError m={m} fields={['textAr', 'textEn', 'textFr', 'reason', 'decisionId']} />
      <button type="submit" disabled={m.busy}>
        {t('corrigenda.add')}
      </button>
    </form>
  );
}
