import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import {
  decideMajority,
  majorityRuleLabel,
  majorityRules,
  requiredYes,
  ruleMet,
  voteResultPhrase,
  type MajorityInput,
  type MajorityRuleName,
} from '../../src/rules/majority';
import { majorityRuleSchema } from '../../src/settings/schema';

const base = { members: 21, chairCastingVote: false, abstain: 0, notParticipating: 0 };
function decide(rule: MajorityRuleName, t: Partial<MajorityInput>) {
  return decideMajority({ ...base, yes: 0, no: 0, rule, ...t });
}

describe('majority rules', () => {
  it('are the same set the settings offer', () => {
    expect([...majorityRules].sort()).toEqual([...majorityRuleSchema.options].sort());
  });

  it('simple majority of votes cast: yes > no, abstentions are not votes cast', () => {
    expect(decide('simple_majority_of_votes_cast', { yes: 9, no: 2, abstain: 1 }).outcome).toBe('adopted');
    expect(decide('simple_majority_of_votes_cast', { yes: 2, no: 1, abstain: 10 }).outcome).toBe('adopted');
    expect(decide('simple_majority_of_votes_cast', { yes: 2, no: 3, abstain: 1 }).outcome).toBe('rejected');
    expect(decide('simple_majority_of_votes_cast', { yes: 1, no: 0, notParticipating: 12 }).votesCast).toBe(1);
  });

  it('absolute majority of member states: yes > members / 2', () => {
    expect(decide('absolute_majority_of_members', { yes: 11, no: 0 }).outcome).toBe('adopted');
    expect(decide('absolute_majority_of_members', { yes: 10, no: 0 }).outcome).toBe('rejected');
    expect(decide('absolute_majority_of_members', { yes: 10, no: 10, members: 20 }).outcome).toBe('rejected');
    expect(decide('absolute_majority_of_members', { yes: 11, no: 9, members: 20 }).outcome).toBe('adopted');
  });

  it('two-thirds of those present and voting: 3*yes >= 2*(yes+no), at least one vote cast', () => {
    expect(decide('two_thirds_present_and_voting', { yes: 8, no: 4 }).outcome).toBe('adopted'); // exactly 2/3
    expect(decide('two_thirds_present_and_voting', { yes: 7, no: 4 }).outcome).toBe('rejected');
    expect(decide('two_thirds_present_and_voting', { yes: 2, no: 1, abstain: 9 }).outcome).toBe('adopted');
    // More yes than no, still short of two-thirds.
    expect(decide('two_thirds_present_and_voting', { yes: 6, no: 5 }).outcome).toBe('rejected');
  });

  it('two-thirds of member states: 3*yes >= 2*members', () => {
    expect(decide('two_thirds_of_members', { yes: 14, no: 0 }).outcome).toBe('adopted'); // 42 >= 42
    expect(decide('two_thirds_of_members', { yes: 13, no: 0 }).outcome).toBe('rejected');
  });

  it('unanimity of those present: yes = present; one abstention defeats it', () => {
    expect(decide('unanimity_of_present', { yes: 12 }).outcome).toBe('adopted');
    expect(decide('unanimity_of_present', { yes: 11, abstain: 1 }).outcome).toBe('rejected');
    expect(decide('unanimity_of_present', { yes: 11, notParticipating: 1 }).outcome).toBe('rejected');
  });

  it('all abstain: nothing is adopted under any rule, and it is not a tie', () => {
    for (const rule of majorityRules) {
      const r = decide(rule, { abstain: 12 });
      expect(r.outcome, rule).toBe('rejected');
      expect(r.tie, rule).toBe(false);
      expect(r.votesCast).toBe(0);
    }
  });

  it('a single state present', () => {
    const one = (rule: MajorityRuleName) => decide(rule, { yes: 1 }).outcome;
    expect(one('simple_majority_of_votes_cast')).toBe('adopted');
    expect(one('two_thirds_present_and_voting')).toBe('adopted');
    expect(one('unanimity_of_present')).toBe('adopted');
    expect(one('absolute_majority_of_members')).toBe('rejected');
    expect(one('two_thirds_of_members')).toBe('rejected');
    expect(decide('unanimity_of_present', { abstain: 1 }).outcome).toBe('rejected');
  });

  it('every state absent: every rule rejects', () => {
    for (const rule of majorityRules) {
      const r = decide(rule, {});
      expect(r.outcome, rule).toBe('rejected');
      expect(r.present).toBe(0);
    }
    // Even with no members at all, the "of members" rules do not adopt on 0 >= 0.
    expect(decide('two_thirds_of_members', { members: 0 }).outcome).toBe('rejected');
  });

  it('a tie fails unless the chair has a casting vote and gives it', () => {
    const tie = { yes: 5, no: 5, abstain: 2 };
    expect(decide('simple_majority_of_votes_cast', tie)).toMatchObject({ outcome: 'rejected', tie: true, castingVote: null });
    expect(decide('simple_majority_of_votes_cast', { ...tie, chairCastingVote: true }).outcome).toBe('rejected');
    expect(
      decide('simple_majority_of_votes_cast', { ...tie, chairCastingVote: true, castingVote: 'yes' }),
    ).toMatchObject({ outcome: 'adopted', tie: true, castingVote: 'yes' });
    expect(
      decide('simple_majority_of_votes_cast', { ...tie, chairCastingVote: true, castingVote: 'no' }).outcome,
    ).toBe('rejected');
  });

  it('refuses a casting vote the rules do not allow, naming the field', () => {
    const expectField = (fn: () => unknown, field: string) => {
      try {
        fn();
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(ValidationError);
        expect((err as ValidationError).field).toBe(field);
      }
    };
    expectField(() => decide('simple_majority_of_votes_cast', { yes: 5, no: 5, castingVote: 'yes' }), 'castingVote');
    expectField(
      () => decide('simple_majority_of_votes_cast', { yes: 6, no: 5, chairCastingVote: true, castingVote: 'yes' }),
      'castingVote',
    );
    // Only simple majority can tie: 5-5 under two-thirds is decided by the rule.
    expectField(
      () => decide('two_thirds_present_and_voting', { yes: 5, no: 5, chairCastingVote: true, castingVote: 'yes' }),
      'castingVote',
    );
    expectField(() => decide('simple_majority_of_votes_cast', { yes: -1 }), 'yes');
    expectField(() => decide('simple_majority_of_votes_cast', { yes: 20, no: 2 }), 'members');
  });
});

describe('the yes votes a rule requires', () => {
  it('is exactly the threshold of the rule: yes >= requiredYes whenever the rule is met, and only then', () => {
    for (const rule of majorityRules) {
      for (let members = 1; members <= 12; members++) {
        for (let yes = 0; yes <= members; yes++) {
          for (let no = 0; yes + no <= members; no++) {
            for (let abstain = 0; yes + no + abstain <= members; abstain++) {
              const t = { yes, no, abstain, notParticipating: members - yes - no - abstain > 0 ? 1 : 0 };
              expect(yes >= requiredYes(rule, t, members), `${rule} ${JSON.stringify(t)} of ${members}`).toBe(ruleMet(rule, t, members));
            }
          }
        }
      }
    }
  });

  it('states the counts a reader expects', () => {
    const t = { yes: 13, no: 1, abstain: 1, notParticipating: 2 };
    expect(requiredYes('two_thirds_of_members', t, 21)).toBe(14);
    expect(requiredYes('unanimity_of_present', { yes: 16, no: 0, abstain: 1, notParticipating: 0 }, 21)).toBe(17);
    expect(requiredYes('absolute_majority_of_members', t, 21)).toBe(11);
    expect(requiredYes('simple_majority_of_votes_cast', { yes: 3, no: 7, abstain: 2, notParticipating: 0 }, 21)).toBe(8);
    expect(requiredYes('two_thirds_present_and_voting', { yes: 6, no: 5, abstain: 1, notParticipating: 0 }, 21)).toBe(8);
  });
});

describe('the sentence of the minutes', () => {
  const adopted = { rule: 'simple_majority_of_votes_cast' as const, outcome: 'adopted' as const, yes: 9, no: 2, abstain: 1, notParticipating: 0 };

  it('says the example of the brief in the three languages', () => {
    expect(voteResultPhrase(adopted, 'en')).toBe('adopted by 9 votes to 2 with 1 abstention, by simple majority of votes cast');
    expect(voteResultPhrase(adopted, 'ar')).toBe(
      'اعتُمد بأغلبية 9 أصوات مقابل 2 وامتناع 1 عن التصويت، بالأغلبية البسيطة للأصوات المعبر عنها',
    );
    expect(voteResultPhrase(adopted, 'fr')).toBe(
      'adopté par 9 voix contre 2 et 1 abstention, à la majorité simple des suffrages exprimés',
    );
  });

  it('agrees the Arabic counted noun and writes Arabic-Indic digits on request', () => {
    const p = (yes: number) => voteResultPhrase({ ...adopted, yes, no: 0, abstain: 0 }, 'ar');
    expect(p(1)).toContain('بأغلبية صوت واحد');
    expect(p(2)).toContain('بأغلبية صوتين');
    expect(p(10)).toContain('بأغلبية 10 أصوات');
    expect(p(11)).toContain('بأغلبية 11 صوتًا');
    expect(p(11)).toContain('ودون امتناع أحد عن التصويت');
    expect(voteResultPhrase(adopted, 'ar', { digits: 'arabic-indic' })).toContain('٩ أصوات مقابل ٢ وامتناع ١');
  });

  it('names both sides of a rejection, the rule not reached, a casting vote and an inquorate vote', () => {
    const rejected = { ...adopted, rule: 'two_thirds_present_and_voting' as const, outcome: 'rejected' as const, yes: 6, no: 5 };
    expect(voteResultPhrase(rejected, 'en')).toBe(
      'not adopted: 6 in favour, 5 against, 1 abstention; the two-thirds majority of those present and voting was not reached',
    );
    expect(voteResultPhrase(rejected, 'ar')).toContain('أيّده 6 وعارضه 5 وامتنع 1 عن التصويت، فلم يبلغ أغلبية ثلثي الحاضرين المصوّتين');
    expect(voteResultPhrase(rejected, 'fr')).toContain("la majorité des deux tiers des membres présents et votants n'a pas été atteinte");
    // With the member count (a vote row has it), the threshold it missed.
    const twoThirds = { ...adopted, rule: 'two_thirds_of_members' as const, outcome: 'rejected' as const, yes: 13, no: 1, memberCount: 21 };
    expect(voteResultPhrase(twoThirds, 'en')).toBe(
      'not adopted: 13 in favour, 1 against, 1 abstention; the two-thirds majority of member states was not reached (14 votes in favour were required)',
    );
    expect(voteResultPhrase(twoThirds, 'fr')).toContain("n'a pas été atteinte (14 voix pour étaient requises)");
    expect(voteResultPhrase(twoThirds, 'ar')).toContain('فلم يبلغ أغلبية ثلثي الدول الأعضاء (عدد الأصوات الموافقة المطلوب: 14)');
    const cast = voteResultPhrase({ ...adopted, yes: 5, no: 5, castingVote: 'yes', inquorate: true }, 'en');
    expect(cast).toBe(
      'adopted by 5 votes to 5 with 1 abstention, by simple majority of votes cast, the votes being equal, by the casting vote of the Chair; recorded without quorum, as the rules allow',
    );
    expect(voteResultPhrase({ ...adopted, notParticipating: 2 }, 'fr')).toContain('2 ne participant pas au vote');
  });

  it('labels every rule in every language', () => {
    for (const rule of majorityRules) {
      for (const lang of ['ar', 'en', 'fr'] as const) expect(majorityRuleLabel(rule, lang).length).toBeGreaterThan(5);
    }
    expect(majorityRuleLabel('simple_majority_of_votes_cast', 'fr')).toBe('majorité simple des suffrages exprimés');
  });
});
