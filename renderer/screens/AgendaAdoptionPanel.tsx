// Adoption of the agenda: at which sitting, as proposed or as amended; the standing items can be
// added from the organisation's template in one step. Without quorum the panel says so before the
// press, as the roll-call panel does, and the adoption asks to be confirmed (the core records it).
import { useState } from 'react';
import { useI18n } from '../i18n';
import { FormError } from '../components/Field';
import { ConfirmButton } from '../components/ConfirmButton';
import { useQuorum } from '../components/QuorumBanner';
import { useMutation, useQuery } from '../components/useApi';
import { instantIn, useCurrentSitting } from '../components/useSittings';
import type { CouncilSession } from '../../src/sessions/types';

export function AgendaAdoptionPanel({ session, onTemplate }: { session: CouncilSession; onTemplate?: () => void }) {
  const { t, dateTime } = useI18n();
  const adoption = useQuery('agenda.getAdoption', { sessionId: session.id });
  const { sitting } = useCurrentSitting(session.id);
  const m = useMutation();
  const quorum = useQuorum(sitting, 0);
  const inquorate = !adoption.data && quorum !== null && !quorum.met;
  const [asAmended, setAsAmended] = useState(false);
  const adopt = async () => {
    if (!sitting) return;
    const ok = await m.run('agenda.recordAdoption', { sessionId: session.id, sittingId: sitting.id, adoptedAt: instantIn(sitting), asAmended });
    if (ok) adoption.reload();
  };
  const template = async () => {
    if (await m.run('agenda.applyTemplate', { sessionId: session.id })) onTemplate?.();
  };
  return (
    <section className="panel" aria-labelledby="adoption-h">
      <h2 id="adoption-h">{t('agenda.adoption')}</h2>
      {adoption.data ? (
        <p className="banner banner--ok" data-agenda-adopted="yes">
          {t(adoption.data.asAmended ? 'agenda.adoptedAmended' : 'agenda.adopted', { at: dateTime(adoption.data.adoptedAt) })}
        </p>
      ) : (
        <p className="muted">{t('agenda.notAdopted')}</p>
      )}
      {inquorate && quorum ? (
        <div className="banner banner--warn" role="alert" data-inquorate="agenda">
          {t('agenda.noQuorum', { present: quorum.present, required: quorum.required, members: quorum.memberCount })}
        </div>
      ) : null}
      {session.lockedAt ? null : (
      <div className="row">
        <label>
          <input type="checkbox" checked={asAmended} onChange={(e) => setAsAmended(e.target.checked)} /> {t('agenda.asAmended')}
        </label>
        {inquorate && quorum ? (
          <ConfirmButton
            className="primary"
            label={t('agenda.adopt')}
            warning={t('agenda.adoptWithoutQuorumConfirm')}
            disabled={!sitting || m.busy}
            onConfirm={() => void adopt()}
            action="adopt-agenda"
          />
        ) : (
          <button type="button" className="primary" disabled={!sitting || m.busy} onClick={() => void adopt()} data-action="adopt-agenda">
            {t('agenda.adopt')}
          </button>
        )}
        <span className="spacer" />
        {onTemplate ? (
          <button type="button" onClick={() => void template()}>
            {t('agenda.applyTemplate')}
          </button>
        ) : null}
      </div>
      )}
      {!sitting && !session.lockedAt ? <p className="hint">{t('attendance.noSitting')}</p> : null}
      <FormError m={m} fields={[]} />
    </section>
  );
}
