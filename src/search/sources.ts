// What the full-text index holds, as SQL over a row `r`: the live list, used to rebuild the index. The
// triggers that keep the index in step were made by migration 0011, which keeps its own frozen copy.
export interface SearchSource {
  kind: 'agenda_item' | 'note' | 'motion' | 'decision' | 'reservation' | 'referral' | 'action';
  table: string;
  item: string;
  decision: string;
  text: string;
}

const viaDecision = '(select agenda_item_id from decision where id = r.decision_id)';

export const SEARCH_SOURCES: readonly SearchSource[] = [
  { kind: 'agenda_item', table: 'agenda_item', item: 'r.id', decision: 'null', text: `r.title_ar || ' ' || r.title_en || ' ' || r.title_fr` },
  { kind: 'note', table: 'note', item: 'r.agenda_item_id', decision: 'null', text: 'r.text' },
  { kind: 'motion', table: 'motion', item: 'r.agenda_item_id', decision: 'null', text: `r.text_ar || ' ' || r.text_en || ' ' || r.text_fr` },
  {
    kind: 'decision',
    table: 'decision',
    item: 'r.agenda_item_id',
    decision: 'r.id',
    text: `r.number_ar || ' ' || r.number_en || ' ' || r.number_fr || ' ' || r.text_ar || ' ' || r.text_en || ' ' || r.text_fr`,
  },
  {
    kind: 'reservation',
    table: 'reservation',
    item: viaDecision,
    decision: 'r.decision_id',
    text: `coalesce((select name_ar || ' ' || name_en || ' ' || name_fr from member_state where id = r.member_state_id), '') || ' ' || r.text`,
  },
  { kind: 'referral', table: 'referral', item: viaDecision, decision: 'r.decision_id', text: `r.body_name || ' ' || r.note` },
  { kind: 'action', table: 'action_item', item: viaDecision, decision: 'r.decision_id', text: `r.description || ' ' || r.responsible_unit` },
];
