// The minutes' fixed wording in Arabic (formal, as in Arab League usage). Pure.
import type { MinutesWording } from './minutes';
import { votesAr } from './minutes-votes-ar';

const UNITS = ['', 'الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];
const TENS_NOM = ['', '', 'العشرون', 'الثلاثون', 'الأربعون', 'الخمسون', 'الستون', 'السبعون', 'الثمانون', 'التسعون'];
const TENS_GEN = ['', '', 'العشرين', 'الثلاثين', 'الأربعين', 'الخمسين', 'الستين', 'السبعين', 'الثمانين', 'التسعين'];

/**
 * Feminine ordinal (الدورة، الجلسة are feminine) in words, 1 to 99; `gen` for the genitive
 * (after a preposition or in an idafa: "محضر الدورة السادسة والستين"). null beyond 99.
 */
export function arabicOrdinalFeminine(n: number, gen: boolean): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 99) return null;
  if (n <= 10) return UNITS[n]!;
  if (n === 11) return 'الحادية عشرة';
  if (n < 20) return `${UNITS[n - 10]} عشرة`;
  const tens = (gen ? TENS_GEN : TENS_NOM)[Math.floor(n / 10)]!;
  const unit = n % 10;
  if (unit === 0) return tens;
  return `${unit === 1 ? 'الحادية' : UNITS[unit]} و${tens}`;
}

const majorityRules: Record<string, string> = {
  simple_majority_of_votes_cast: 'الأغلبية البسيطة للأصوات المعبَّر عنها',
  absolute_majority_of_members: 'الأغلبية المطلقة للدول الأعضاء',
  two_thirds_present_and_voting: 'أغلبية ثلثي الدول الحاضرة والمصوِّتة',
  two_thirds_of_members: 'أغلبية ثلثي الدول الأعضاء',
  unanimity_of_present: 'إجماع الدول الحاضرة',
};

const quorumRules: Record<string, string> = {
  two_thirds_of_members: 'ثلثا الدول الأعضاء',
  absolute_majority_of_members: 'الأغلبية المطلقة للدول الأعضاء',
  none: 'دون نصاب محدد',
};

export const minutesAr: MinutesWording = {
  lang: 'ar',
  dir: 'rtl',
  minutesOf: 'محضر اجتماعات',
  venue: (city, country) => `${city}، ${country}`,
  dates: (g, h) => (h ? `${g} م، الموافق ${h}` : g),
  sittingName: (n, num) => {
    const ordinal = arabicOrdinalFeminine(n, true);
    return ordinal ? `الجلسة ${ordinal}` : `الجلسة رقم ${num(n)}`;
  },
  draft: 'مسودة',
  unverifiedCopy: 'نسخة غير مُتحقَّق منها',
  footer: 'صفحة {page} من {pages}',
  toc: 'المحتويات',
  untranslated: '[بانتظار الترجمة]',
  none: '—',
  headings: {
    opening: 'افتتاح الدورة',
    participation: 'المشاركون',
    agendaAdoption: 'إقرار جدول الأعمال',
    items: 'مداولات المجلس',
    closing: 'اختتام الدورة',
    signatures: 'التوقيعات',
    annexes: 'الملاحق',
    annexAttendance: 'سجل الحضور في الجلسات',
    annexAgenda: 'جدول الأعمال المعتمد',
    annexDecisions: 'سجل القرارات',
    annexFollowUp: 'متابعة تنفيذ قرارات الدورات السابقة',
    annexVotes: 'نتائج التصويت بنداء الأسماء',
    corrigenda: 'تصويبات',
  },
  annex: (n, title) => `الملحق ${n}: ${title}`,
  opening: ({ date, time, chair, chairName }) => {
    const by = chair ? `، برئاسة ${chairName ? `${chairName}، ` : ''}رئيس وفد ${chair}، رئيس الدورة` : '';
    return `افتُتحت أعمال الدورة بتاريخ ${date}، في الساعة ${time}${by}.`;
  },
  quorum: ({ present, members, required, met }) =>
    met
      ? `وقد ثبت اكتمال النصاب القانوني بحضور ${present} من أصل ${members} دولة عضواً، والنصاب المطلوب ${required}.`
      : `ولم يكتمل النصاب عند الافتتاح: حضرت ${present} من أصل ${members} دولة عضواً، والنصاب المطلوب ${required}.`,
  quorumRule: (rule) => quorumRules[rule] ?? rule,
  delegationsIntro: (count) => `شاركت في أعمال الدورة وفود الدول الأعضاء الآتية، وعددها ${count}:`,
  delegationTable: { state: 'الدولة', head: 'رئيس الوفد', members: 'أعضاء الوفد', credentials: 'أوراق الاعتماد' },
  credentialsReceived: (date) => `وردت بتاريخ ${date}`,
  credentialsMissing: 'لم ترد',
  credentialsIssuedBy: '، صادرة عن ',
  lateArrival: (state, time, sitting) => `والتحق وفد ${state} بالاجتماع في الساعة ${time} من ${sitting}.`,
  observersIntro: 'كما حضر أعمال الدورة بصفة مراقب:',
  secretariatIntro: 'وشارك من الأمانة العامة للمنظمة:',
  agendaAdopted: ({ sitting, date, asAmended }) =>
    `أقرّ المجلس في ${sitting} بتاريخ ${date} جدول أعمال الدورة${asAmended ? ' بصيغته المعدَّلة' : ''}، وهو مرفق بهذا المحضر.`,
  agendaNotAdopted: 'لم يُسجَّل إقرار جدول الأعمال.',
  item: (n, title) => `البند ${n}: ${title}`,
  presentedBy: (presenter, documents) =>
    // The passive needs no agreement: the presenter may be a woman or a body (الأمانة العامة).
    `عُرض هذا البند من قِبَل ${presenter}${documents ? `، استناداً إلى الوثائق: ${documents}` : ''}.`,
  itemStatus: {
    deferred: 'أُرجئ النظر في هذا البند.',
    withdrawn: 'سُحب هذا البند من جدول الأعمال.',
    pending: 'لم يُنظر في هذا البند.',
    nothingRecorded: 'لم تُطرح أي مسائل في إطار هذا البند.',
  },
  interventions: 'خلاصة المداخلات:',
  speakerLabel: (kind, name) =>
    kind === 'chair' ? 'الرئيس' : kind === 'secretariat' ? 'الأمانة العامة' : kind === 'delegation' ? `وفد ${name}` : name,
  delegationOf: (state) => `وفد ${state}`,
  motion: 'مقترح',
  amendment: 'تعديل',
  majorityRule: (rule) => majorityRules[rule] ?? rule,
  rollCall: {
    caption: (n) => `التصويت بنداء الأسماء رقم ${n}`,
    state: 'الدولة',
    vote: 'التصويت',
    choice: { yes: 'موافق', no: 'غير موافق', abstain: 'ممتنع', not_participating: 'لم يشارك' },
  },
  decision: (number) => `القرار رقم ${number}`,
  adoptedBy: { consensus: 'بالتوافق', vote: 'بالتصويت' },
  referralBody: { general_assembly: 'الجمعية العامة للمنظمة', ministerial_council: 'المجلس الوزاري المختص', other: 'الجهة المختصة' },
  actionsIntro: 'إجراءات المتابعة:',
  action: ({ description, responsible, due }) => `${description} — الجهة المسؤولة: ${responsible}${due ? ` — الأجل: ${due}` : ''}`,
  closing: ({ date, time }) => `اختُتمت أعمال الدورة بتاريخ ${date}، في الساعة ${time}.`,
  nextSession: (decision) => `وحُدِّد موعد الدورة القادمة ومكان انعقادها بموجب ${decision}.`,
  sealed: (fp) => `بصمة الختم الرقمي: ${fp}`,
  corrigendaIntro: 'أُدخلت على هذا المحضر بعد اعتماده التصويبات الآتية:',
  corrigendum: ({ number, decision, date }) => `التصويب رقم ${number}${decision ? ` (على ${decision})` : ''}، بتاريخ ${date}:`,
  corrigendumReason: 'سبب التصويب: ',
  attendance: { delegation: 'الوفد', arrival: 'الحضور', departure: 'المغادرة', throughout: 'حتى نهاية الجلسة', absent: 'غائب' },
  register: { number: 'رقم القرار', item: 'البند', adoption: 'طريقة الاعتماد', reservations: 'التحفظات', referral: 'الإحالة' },
  followUp: {
    intro: 'عرضت الأمانة العامة ما آل إليه تنفيذ قرارات الدورات السابقة، على النحو الآتي:',
    session: 'الدورة',
    decision: 'القرار',
    action: 'الإجراء',
    responsible: 'الجهة المسؤولة',
    due: 'الأجل',
    status: 'الحالة',
    update: 'آخر المستجدات',
    empty: 'لا توجد إجراءات قائمة من الدورات السابقة.',
  },
  actionStatus: { open: 'لم يبدأ', in_progress: 'قيد التنفيذ', done: 'منجز', cancelled: 'ملغى' },
  votesSummary: { number: 'الرقم', item: 'البند', sitting: 'الجلسة', tally: 'موافق / غير موافق / ممتنع', rule: 'القاعدة', result: 'النتيجة' },
  ...votesAr,
};

/** The speakers' list in the minutes (src/minutes/build-speakers.ts): who took the floor, in order. */
export const floorWordingAr = {
  secretariat: 'الأمانة العامة',
  directorGeneral: 'المدير العام',
  secondRound: (name: string) => `${name} (مرة ثانية)`,
  tookTheFloor: (names: string[]) => `وتناول الكلمة، بحسب الترتيب: ${names.map((n, i) => (i === 0 ? n : `و${n}`)).join('، ')}.`,
};
