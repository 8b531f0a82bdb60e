// What a broken rule of the record looks like: the dotted path of the field (as the session bundle names
// it, e.g. `voteBallots.14.delegationId`), a stable code the UI translates (`rule.<code>` in the catalogues,
// with `params` for its placeholders), and an English sentence for logs and the CLI.

export type InvariantRule =
  | 'duplicate_id'
  | 'duplicate_key'
  | 'unknown_rule'
  | 'date_order'
  | 'languages'
  | 'outside_session'
  | 'outside_sitting'
  | 'attendance_order'
  | 'heads'
  | 'delegation_kind'
  | 'ballot_delegation'
  | 'ballot_absent'
  | 'ballot_missing'
  | 'tally'
  | 'quorum'
  | 'casting_vote'
  | 'outcome'
  | 'motion'
  | 'decision'
  | 'reservation'
  | 'speaker'
  | 'agenda_cycle'
  | 'due_before_decision'
  | 'consolidated_text';

export interface Violation {
  field: string;
  rule: InvariantRule;
  message: string;
  params?: Record<string, string | number>;
}

export type Report = (field: string, rule: InvariantRule, message: string, params?: Record<string, string | number>) => void;
