// The majority rules, stated exactly, and the sentence the minutes use for a vote's result.
// Pure: no node:*, no database. The service (votes/service.ts) counts the ballots; this decides.
//
// Bases (every count is of member states; observers never vote):
//   yes, no, abstain, notParticipating — the ballots of the states present at the instant of the vote;
//   present  = yes + no + abstain + notParticipating (every present state has exactly one ballot);
//   cast     = yes + no ("votes cast": abstentions and not-participating are NOT votes cast, under every rule);
//   members  = the session's member count (the member states when the session was created).
//
// Rules:
//   simple_majority_of_votes_cast   yes > no.                          0-0 (all abstain) fails.
//   absolute_majority_of_members    yes > members / 2  (2*yes > members).
//   two_thirds_present_and_voting   3*yes >= 2*(yes+no) and cast >= 1. Abstainers are present but not voting.
//   two_thirds_of_members           3*yes >= 2*members and members >= 1.
//   unanimity_of_present            yes = present and present >= 1.    One abstention (or one state not
//                                   participating) defeats it.
// Ties: only simple_majority_of_votes_cast can tie (yes = no >= 1): every other rule compares yes with a
// fixed threshold, so equal yes and no decide nothing there. A tie fails unless the session gives the chair a
// casting vote AND the chair gives one ('yes' adopts, 'no' rejects). The casting vote is not a ballot and is
// not counted in the tallies.
import { ValidationError } from '../errors';

export const majorityRules = [
  'simple_majority_of_votes_cast',
  'absolute_majority_of_members',
  'two_thirds_present_and_voting',
  'two_thirds_of_members',
  'unanimity_of_present',
] as const;
export type MajorityRuleName = (typeof majorityRules)[number];

export function isMajorityRule(value: unknown): value is MajorityRuleName {
  return typeof value === 'string' && (majorityRules as readonly string[]).includes(value);
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  notParticipating: number;
}

export interface MajorityInput extends Tally {
  rule: MajorityRuleName;
  /** Member states of the session (the base of the "of members" rules). */
  members: number;
  /** Whether the session's rules give the chair a casting vote in a tie. */
  chairCastingVote: boolean;
  /** The chair's casting vote, given only to break a tie. */
  castingVote?: 'yes' | 'no' | null;
}

export interface MajorityResult {
  outcome: 'adopted' | 'rejected';
  present: number;
  /** yes + no. */
  votesCast: number;
  /** yes = no >= 1 under a rule that can tie. */
  tie: boolean;
  /** The casting vote that decided a tie, or null. */
  castingVote: 'yes' | 'no' | null;
}

function assertCount(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) throw new ValidationError(field, `${field} must be a whole number >= 0`, 'whole_number');
}

/** Whether the rule itself is met, ties aside. */
export function ruleMet(rule: MajorityRuleName, t: Tally, members: number): boolean {
  const present = t.yes + t.no + t.abstain + t.notParticipating;
  const cast = t.yes + t.no;
  switch (rule) {
    case 'simple_majority_of_votes_cast':
      return t.yes > t.no;
    case 'absolute_majority_of_members':
      return 2 * t.yes > members;
    case 'two_thirds_present_and_voting':
      return cast >= 1 && 3 * t.yes >= 2 * cast;
    case 'two_thirds_of_members':
      return members >= 1 && 3 * t.yes >= 2 * members;
    case 'unanimity_of_present':
      return present >= 1 && t.yes === present;
  }
}

/**
 * The yes votes the rule required, given the ballots: what a rejection states ("14 votes in favour were
 * required"). yes >= requiredYes(...) exactly when ruleMet(...) (ties aside). Under
 * two_thirds_present_and_voting it is two thirds of the votes cast (at least 1); under unanimity, every
 * state present (at least 1).
 */
export function requiredYes(rule: MajorityRuleName, t: Tally, members: number): number {
  const present = t.yes + t.no + t.abstain + t.notParticipating;
  const cast = t.yes + t.no;
  switch (rule) {
    case 'simple_majority_of_votes_cast':
      return t.no + 1;
    case 'absolute_majority_of_members':
      return Math.floor(members / 2) + 1;
    case 'two_thirds_present_and_voting':
      return Math.max(1, Math.ceil((2 * cast) / 3));
    case 'two_thirds_of_members':
      return Math.max(1, Math.ceil((2 * members) / 3));
    case 'unanimity_of_present':
      return Math.max(1, present);
  }
}

/** Whether the result is a tie that a casting vote may break. */
export function isTie(rule: MajorityRuleName, t: Tally): boolean {
  return rule === 'simple_majority_of_votes_cast' && t.yes === t.no && t.yes >= 1;
}

/**
 * Decide a vote. Throws ValidationError('castingVote') for a casting vote the rules do not allow (the session
 * gives none, or there is no tie), and ValidationError naming the count for a negative or fractional count.
 */
export function decideMajority(input: MajorityInput): MajorityResult {
  for (const key of ['yes', 'no', 'abstain', 'notParticipating', 'members'] as const) assertCount(input[key], key);
  const present = input.yes + input.no + input.abstain + input.notParticipating;
  if (present > input.members) {
    throw new ValidationError('members', `more states present (${present}) than members (${input.members})`, 'more_present_than_members', { present, members: input.members });
  }
  const tie = isTie(input.rule, input);
  const casting = input.castingVote ?? null;
  if (casting !== null) {
    if (!input.chairCastingVote) {
      throw new ValidationError('castingVote', "the session's rules give the chair no casting vote", 'no_casting_vote');
    }
    if (!tie) throw new ValidationError('castingVote', 'a casting vote breaks a tie only, and there is none', 'casting_vote_without_tie');
  }
  const adopted = tie ? casting === 'yes' : ruleMet(input.rule, input, input.members);
  return {
    outcome: adopted ? 'adopted' : 'rejected',
    present,
    votesCast: input.yes + input.no,
    tie,
    castingVote: tie ? casting : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The sentence of the minutes, e.g. "adopted by 9 votes to 2 with 1 abstention, by simple majority of votes
// cast". A rejection names both sides explicitly ("2 in favour, 9 against"), since "rejected by 9 votes to 2"
// reads both ways and a two-thirds rule can reject a motion that has more yes than no.

export type PhraseLanguage = 'ar' | 'en' | 'fr';

export interface PhraseInput extends Tally {
  rule: MajorityRuleName;
  outcome: 'adopted' | 'rejected';
  castingVote?: 'yes' | 'no' | null;
  /** Recorded without quorum because the session's rules allow it. */
  inquorate?: boolean;
  /** The session's member count at the vote (a vote row has it): a rejection then states the yes votes required. */
  memberCount?: number;
}

export interface PhraseOptions {
  /** Digits for the Arabic sentence (settings.digits); Western by default, as used in Morocco. */
  digits?: 'western' | 'arabic-indic';
}

const ruleWords: Record<MajorityRuleName, Record<PhraseLanguage, { by: string; the: string }>> = {
  simple_majority_of_votes_cast: {
    en: { by: 'by simple majority of votes cast', the: 'the simple majority of votes cast' },
    ar: { by: 'بالأغلبية البسيطة للأصوات المعبر عنها', the: 'الأغلبية البسيطة للأصوات المعبر عنها' },
    fr: { by: 'à la majorité simple des suffrages exprimés', the: 'la majorité simple des suffrages exprimés' },
  },
  absolute_majority_of_members: {
    en: { by: 'by absolute majority of member states', the: 'the absolute majority of member states' },
    ar: { by: 'بالأغلبية المطلقة للدول الأعضاء', the: 'الأغلبية المطلقة للدول الأعضاء' },
    fr: { by: 'à la majorité absolue des États membres', the: 'la majorité absolue des États membres' },
  },
  two_thirds_present_and_voting: {
    en: { by: 'by two-thirds majority of those present and voting', the: 'the two-thirds majority of those present and voting' },
    ar: { by: 'بأغلبية ثلثي الحاضرين المصوّتين', the: 'أغلبية ثلثي الحاضرين المصوّتين' },
    fr: {
      by: 'à la majorité des deux tiers des membres présents et votants',
      the: 'la majorité des deux tiers des membres présents et votants',
    },
  },
  two_thirds_of_members: {
    en: { by: 'by two-thirds majority of member states', the: 'the two-thirds majority of member states' },
    ar: { by: 'بأغلبية ثلثي الدول الأعضاء', the: 'أغلبية ثلثي الدول الأعضاء' },
    fr: { by: 'à la majorité des deux tiers des États membres', the: 'la majorité des deux tiers des États membres' },
  },
  unanimity_of_present: {
    en: { by: 'by unanimity of those present', the: 'the unanimity of those present' },
    ar: { by: 'بإجماع الحاضرين', the: 'إجماع الحاضرين' },
    fr: { by: "à l'unanimité des membres présents", the: "l'unanimité des membres présents" },
  },
};

/** The rule's name as the minutes say it ("simple majority of votes cast"). */
export function majorityRuleLabel(rule: MajorityRuleName, lang: PhraseLanguage): string {
  return ruleWords[rule][lang].the.replace(/^(the |la |l')/, '');
}

function arDigits(n: number, digits: PhraseOptions['digits']): string {
  const s = String(n);
  return digits === 'arabic-indic' ? s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))) : s;
}

/** Arabic counted noun "vote": 1 صوت واحد, 2 صوتين, 3–10 أصوات, 11–99 صوتًا, round hundreds صوت. */
function arVotes(n: number, digits: PhraseOptions['digits']): string {
  const d = arDigits(n, digits);
  if (n === 1) return 'صوت واحد';
  if (n === 2) return 'صوتين';
  const r = n % 100;
  if (r >= 3 && r <= 10) return `${d} أصوات`;
  if (r >= 11) return `${d} صوتًا`;
  return `${d} صوت`;
}

function enAbstentions(n: number): string {
  return n === 0 ? 'no abstention' : n === 1 ? '1 abstention' : `${n} abstentions`;
}
function frAbstentions(n: number): string {
  return n === 0 ? 'sans abstention' : n === 1 ? 'et 1 abstention' : `et ${n} abstentions`;
}

/** The result of a roll-call vote as one sentence of the minutes, in the given language. */
export function voteResultPhrase(input: PhraseInput, lang: PhraseLanguage, options: PhraseOptions = {}): string {
  const { yes, no, abstain, notParticipating: np } = input;
  const words = ruleWords[input.rule][lang];
  const casting = input.castingVote ?? null;
  const n = (v: number) => (lang === 'ar' ? arDigits(v, options.digits) : String(v));
  const required = input.memberCount === undefined ? null : requiredYes(input.rule, input, input.memberCount);
  let s: string;
  if (lang === 'en') {
    const votes = (v: number) => `${v} ${v === 1 ? 'vote' : 'votes'}`;
    const npText = np > 0 ? `, ${np} not participating` : '';
    if (input.outcome === 'adopted') {
      s = `adopted by ${votes(yes)} to ${no} with ${enAbstentions(abstain)}${npText}, ${words.by}`;
      if (casting) s += ', the votes being equal, by the casting vote of the Chair';
    } else {
      s = `not adopted: ${yes} in favour, ${no} against, ${enAbstentions(abstain)}${npText}; `;
      s += casting === 'no' ? 'the votes being equal, the Chair gave a casting vote against' : `${words.the} was not reached`;
      if (casting !== 'no' && required !== null) s += ` (${required} ${required === 1 ? 'vote' : 'votes'} in favour ${required === 1 ? 'was' : 'were'} required)`;
    }
    if (input.inquorate) s += '; recorded without quorum, as the rules allow';
  } else if (lang === 'fr') {
    const npText = np > 0 ? `, ${np} ne participant pas au vote` : '';
    if (input.outcome === 'adopted') {
      s = `adopté par ${yes} voix contre ${no} ${frAbstentions(abstain)}${npText}, ${words.by}`;
      if (casting) s += ', les voix étant partagées, par la voix prépondérante du Président';
    } else {
      s = `non adopté : ${yes} voix pour, ${no} contre, ${abstain === 0 ? 'aucune abstention' : `${abstain} abstention${abstain > 1 ? 's' : ''}`}${npText} ; `;
      s += casting === 'no' ? 'les voix étant partagées, le Président a voté contre' : `${words.the} n'a pas été atteinte`;
      if (casting !== 'no' && required !== null) s += ` (${required} voix pour ${required === 1 ? 'était requise' : 'étaient requises'})`;
    }
    if (input.inquorate) s += ' ; vote enregistré sans quorum, comme le permet le règlement';
  } else {
    const abst = abstain === 0 ? 'ودون امتناع أحد عن التصويت' : `وامتناع ${n(abstain)} عن التصويت`;
    const npText = np > 0 ? ` وعدم مشاركة ${n(np)} في التصويت` : '';
    if (input.outcome === 'adopted') {
      s = `اعتُمد بأغلبية ${arVotes(yes, options.digits)} مقابل ${n(no)} ${abst}${npText}، ${words.by}`;
      if (casting) s += '، بعد تساوي الأصوات، بالصوت المرجِّح للرئيس';
    } else {
      const abstR = abstain === 0 ? 'ولم يمتنع أحد' : `وامتنع ${n(abstain)} عن التصويت`;
      const npR = np > 0 ? ` ولم يشارك ${n(np)} في التصويت` : '';
      s = `لم يُعتمد، إذ أيّده ${n(yes)} وعارضه ${n(no)} ${abstR}${npR}، `;
      s += casting === 'no' ? 'وبعد تساوي الأصوات رجّح الرئيس الرفض' : `فلم يبلغ ${words.the}`;
      if (casting !== 'no' && required !== null) s += ` (عدد الأصوات الموافقة المطلوب: ${n(required)})`;
    }
    if (input.inquorate) s += '؛ وسُجّل التصويت دون اكتمال النصاب وفق ما تجيزه القواعد';
  }
  return s;
}
