// Who may ask for the floor, and finding them by typing: the session's member delegations and observers,
// the secretariat and the Director-General, matched in any of their languages or by ISO code, with
// Arabic folded as the search folds it (hamza forms, taa marbuta, alef maqsura, marks: src/rules).
import { foldForSearch } from '../../../src/rules/arabic-normalize';
import type { Delegation } from '../../../src/delegations/types';
import type { SpeakerListKind } from '../../../src/speakers/schema';

export interface Candidate {
  kind: SpeakerListKind;
  delegationId: string | null;
  label: { ar: string; en: string; fr: string };
  /** The member state's ISO code: tells similar names apart in the list. */
  code?: string;
  /** Folded names and code, for matching. */
  hay: string;
}

export function candidatesOf(delegations: Delegation[], fixed: { secretariat: Candidate['label']; director_general: Candidate['label'] }): Candidate[] {
  const list: Candidate[] = [];
  for (const d of delegations) {
    if (d.kind === 'secretariat') continue;
    list.push({
      kind: d.kind === 'member' ? 'delegation' : 'observer',
      delegationId: d.id,
      label: d.name,
      ...(d.isoCode ? { code: d.isoCode } : {}),
      hay: foldForSearch([d.name.ar, d.name.en, d.name.fr, d.isoCode ?? ''].join(' | ')),
    });
  }
  for (const kind of ['secretariat', 'director_general'] as const) {
    list.push({ kind, delegationId: null, label: fixed[kind], hay: foldForSearch([fixed[kind].ar, fixed[kind].en, fixed[kind].fr].join(' | ')) });
  }
  return list;
}

/** Matches of what was typed: names that start with it first, then names that contain it. */
export function matchCandidates(candidates: Candidate[], typed: string): Candidate[] {
  const q = foldForSearch(typed).trim();
  if (!q) return [];
  const words = (c: Candidate) => c.hay.split(/[\s|]+/);
  const starts = candidates.filter((c) => words(c).some((w) => w.startsWith(q) || w.replace(/^ال/, '').startsWith(q)));
  const contains = candidates.filter((c) => !starts.includes(c) && c.hay.includes(q));
  return [...starts, ...contains];
}
