// Votes, motions, reservations, referrals and the rapporteur in the Arabic minutes. المقترح and التعديل
// are both masculine, so one form serves both; the tally is given as labelled figures, which need no
// agreement of the counted noun. Pure.
import type { VoteWording } from './minutes-votes';

const tally = (v: { yes: string; no: string; abstain: string; notParticipating: string | null }) =>
  `(موافق: ${v.yes}، غير موافق: ${v.no}، ممتنع: ${v.abstain}${v.notParticipating ? `، لم يشارك: ${v.notParticipating}` : ''})`;

export const votesAr: VoteWording = {
  motionLabel: (kind, proposer) => `${kind === 'amendment' ? 'تعديل' : 'مقترح'}${proposer ? ` (مقدَّم من ${proposer})` : ''}`,
  voteResult: (v) => {
    const as = v.asAmended ? ' بصيغته المعدَّلة' : '';
    if (v.outcome === 'adopted') {
      if (v.castingVote === 'yes') return `اعتُمد${as} بترجيح صوت الرئيس بعد تساوي الأصوات ${tally(v)}`;
      return `اعتُمد${as} ${tally(v)}، وفق قاعدة ${v.rule}`;
    }
    if (v.castingVote === 'no') return `لم يُعتمد ${tally(v)}، إذ تساوت الأصوات فرجّح الرئيس عدم الاعتماد`;
    return `لم يُعتمد ${tally(v)}${v.tie ? '، إذ تساوت الأصوات' : ''}، لعدم استيفاء قاعدة ${v.rule} (عدد الأصوات الموافقة المطلوب: ${v.required})`;
  },
  voteSentence: (t, result) => {
    const subject = t.subject === 'amendment' ? 'التعديل' : 'المقترح';
    const quorum = t.inquorate
      ? `دون اكتمال النصاب، وفق ما يجيزه النظام الداخلي (الحاضر: ${t.present} من أصل ${t.members} دولة عضواً، والنصاب المطلوب: ${t.quorum})`
      : `بحضور ${t.present} من أصل ${t.members} دولة عضواً (النصاب المطلوب: ${t.quorum})`;
    return `وطُرح ${subject} للتصويت بنداء الأسماء في ${t.sitting}، في الساعة ${t.time}، ${quorum}، ف${result}.`;
  },
  voteQuorum: (p) =>
    p.inquorate ? `${p.present} من ${p.members}، دون اكتمال النصاب (النصاب: ${p.quorum})` : `${p.present} من ${p.members} (النصاب: ${p.quorum})`,
  consensusOf: (kind, asAmended) => `واعتُمد ${kind === 'amendment' ? 'التعديل' : 'المقترح'}${asAmended ? ' بصيغته المعدَّلة' : ''} بالتوافق.`,
  motionStatusOf: (_kind, status) =>
    ({
      proposed: 'ولم يُبتّ فيه بعد.',
      withdrawn: 'ثم سُحب.',
      deferred: 'وأُرجئ البتّ فيه.',
      referred: 'وأُحيل إلى جهة أخرى للبتّ فيه.',
    })[status],
  motionReferredTo: (_kind, body) => `وأُحيل إلى ${body} للبتّ فيه.`,
  outcomeOf: (kind, outcome, asAmended) =>
    `${outcome === 'adopted' ? 'واعتُمد' : 'ولم يُعتمد'} ${kind === 'amendment' ? 'التعديل' : 'المقترح'}${outcome === 'adopted' && asAmended ? ' بصيغته المعدَّلة' : ''}.`,
  textAsAmended: (kind) => `نص ${kind === 'amendment' ? 'التعديل' : 'المقترح'} بصيغته المعدَّلة:`,
  amendmentsApplied: 'واعتُمد مع التعديلات المذكورة أعلاه.',
  reservationBy: (state, text) => `تحفّظ وفد ${state} على هذا القرار: ${text}`,
  reservationQuoted: (state, text) => `أبدى وفد ${state} على هذا القرار تحفّظاً نصُّه: «${text}»`,
  referralSentence: (body, note) => `يُرفع هذا القرار إلى ${body}${note !== null ? `، ${note}` : ''}.`,
  rapporteur: (state, name) => `وتولّى وفد ${state} مهمة مقرّر الدورة${name ? `، ممثَّلاً في ${name}` : ''}.`,
  votesColumns: {
    number: 'الرقم',
    item: 'البند',
    when: 'الجلسة والساعة',
    present: 'الحاضرون (النصاب)',
    yes: 'موافق',
    no: 'غير موافق',
    abstain: 'ممتنع',
    notParticipating: 'لم يشارك',
    result: 'النتيجة',
  },
  adoptedByVote: (result) => `بالتصويت: ${result}`,
};
