// Sittings, attendance and quorum in the Arabic minutes (see minutes-attendance.ts). Formal register;
// each narrative sentence opens with "و" as the other sentences of the minutes do. Pure.
import type { AttendanceWording } from './minutes-attendance';

export const attendanceAr: AttendanceWording = {
  sittingsHeading: 'الجلسات والحضور والنصاب',
  sittingHeading: (sitting, date) => `${sitting} — ${date}`,
  sittingOpened: ({ sitting, date, time, chair, chairName }) => {
    const by = chair ? `، برئاسة ${chairName ? `${chairName}، ` : ''}رئيس وفد ${chair}` : '';
    return `افتُتحت ${sitting} بتاريخ ${date}، في الساعة ${time}${by}.`;
  },
  presentAtOpening: (states) => `وحضر عند الافتتاح وفود: ${states}.`,
  noneAtOpening: 'ولم يُسجَّل حضور أي وفد من وفود الدول الأعضاء عند الافتتاح.',
  headAtSitting: (state, hole) => `وترأس وفد ${state} في هذه الجلسة ${hole}.`,
  arrived: (state, time) => `وفي الساعة ${time} التحق وفد ${state} بالجلسة.`,
  left: (state, time) => `وفي الساعة ${time} غادر وفد ${state} الجلسة.`,
  returned: (state, time) => `وفي الساعة ${time} عاد وفد ${state} إلى الجلسة.`,
  quorumLost: ({ time, present, members, required }) =>
    `وفي الساعة ${time} لم يعد النصاب القانوني مكتملاً: حضرت ${present} من أصل ${members} دولة عضواً، والنصاب المطلوب ${required}.`,
  quorumRestored: ({ time, present, members, required }) =>
    `وفي الساعة ${time} اكتمل النصاب القانوني من جديد: حضرت ${present} من أصل ${members} دولة عضواً، والنصاب المطلوب ${required}.`,
  quorumReached: ({ time, present, members, required }) =>
    `وفي الساعة ${time} اكتمل النصاب القانوني: حضرت ${present} من أصل ${members} دولة عضواً، والنصاب المطلوب ${required}.`,
  sittingClosed: ({ sitting, time }) => `ورُفعت ${sitting} في الساعة ${time}.`,
  absentStates: (states) => `ولم تُمثَّل في الدورة الدول الأعضاء التالية: ${states}.`,
  allRepresented: 'ومُثِّلت في الدورة جميع الدول الأعضاء.',
  headFor: (sitting) => `في ${sitting}`,
  presence: 'الحضور',
  interval: (from, to) => `من ${from} إلى ${to}`,
  endOfSitting: 'نهاية الجلسة',
  list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('، ')} و${items.at(-1)}`),
};
