// The session documents' fixed wording in Arabic. Pure.
import type { DocumentsWording } from './documents';

export const documentsAr: DocumentsWording = {
  decisionsOf: 'قرارات',
  followUpOf: 'تقرير متابعة تنفيذ قرارات المجلس، مقدَّم إلى الدورة التالية بعد',
  agendaOf: 'جدول الأعمال المؤقت المشروح',
  documentsListOf: 'قائمة وثائق',
  decisionsIntro: (count) => `اعتمد المجلس في هذه الدورة القرارات التالية وعددها ${count}:`,
  noDecisions: 'لم يُعتمد أي قرار في هذه الدورة.',
  followUpIntro: 'تعرض الأمانة العامة فيما يلي الإجراءات المقررة وحالة تنفيذها:',
  followUpEmpty: 'لا توجد إجراءات مفتوحة.',
  overdue: 'متأخر عن موعده',
  agendaIntro: 'يُعرض فيما يلي جدول الأعمال المؤقت للدورة، مع الوثائق المتعلقة بكل بند والجهة التي تعرضه:',
  presenter: 'يعرضه: ',
  documents: 'الوثائق: ',
  noDocuments: 'لا توجد وثائق لهذا البند.',
  documentsListIntro: 'وثائق الدورة حسب بنود جدول الأعمال:',
  documentTable: { symbol: 'رمز الوثيقة', item: 'البند', title: 'عنوان البند' },
  workingTable: { symbol: 'رمز الوثيقة', item: 'البند', title: 'العنوان', language: 'اللغة', version: 'الإصدار' },
  languageName: { ar: 'العربية', en: 'الإنجليزية', fr: 'الفرنسية' },
  version: (n) => `الإصدار ${n}`,
  annexDocuments: 'وثائق الدورة',
  convocationOf: 'دعوة إلى حضور',
  letterDate: (date) => `التاريخ: ${date}`,
  addressee: 'أصحاب المعالي والسعادة رؤساء وفود الدول الأعضاء في المجلس التنفيذي',
  convocationBody: (venue, dates) =>
    `تهديكم الأمانة العامة أطيب تحياتها، ويسرّها أن تدعوكم إلى المشاركة في أعمال هذه الدورة، التي تُعقد في ${venue}، خلال الفترة ${dates}. وتجدون مرفقاً جدول الأعمال المؤقت للدورة.`,
  convocationAgenda: 'مرفق: جدول الأعمال المؤقت',
  closingCourtesy: 'وتفضلوا بقبول فائق الاحترام والتقدير.',
  sender: 'الأمانة العامة',
};
