// "Took the floor: ..." under an agenda item: the speakers' list in the order the floor was given
// (src/speakers), one sentence per item, in the minutes' language. Requests never given the floor are
// not the record of what happened, so they are left out. Pure.
import type { SpeakerRow } from '../bundle/schema';
import { floorWordingAr } from '../i18n/minutes-ar';
import { floorWordingEn } from '../i18n/minutes-en';
import { floorWordingFr } from '../i18n/minutes-fr';
import type { BuildContext } from './build-model';
import type { Block } from './model';
import { para, span } from './text';

const wordings = { ar: floorWordingAr, en: floorWordingEn, fr: floorWordingFr };

/** Who had the floor on the item, in the order it was given. */
export function floorGiven(speakers: SpeakerRow[] | undefined, agendaItemId: string): SpeakerRow[] {
  return (speakers ?? [])
    .filter((s) => s.agendaItemId === agendaItemId && s.status !== 'waiting' && s.startedAt !== null)
    .sort((a, b) => a.startedAt!.localeCompare(b.startedAt!));
}

export function floorBlocks(c: BuildContext, agendaItemId: string): Block[] {
  const list = floorGiven(c.rows.speakers, agendaItemId);
  if (!list.length) return [];
  const fw = wordings[c.lang];
  const delegations = new Map(c.rows.delegations.map((d) => [d.id, d]));
  const names = list.map((s) => {
    const d = s.delegationId ? delegations.get(s.delegationId) : undefined;
    const name =
      s.kind === 'delegation'
        ? c.w.delegationOf(c.delegationOf(d))
        : s.kind === 'observer'
          ? c.nameOf(c.delegationName(d))
          : s.kind === 'secretariat'
            ? fw.secretariat
            : fw.directorGeneral;
    return s.round > 1 ? fw.secondRound(name) : name;
  });
  return [para([span(fw.tookTheFloor(names), c.lang)])];
}
