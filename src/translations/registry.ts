// The texts of the record that carry an English and a French form beside the original: one line each.
// The services, the worklist, the XLIFF exchange, the bundle schema and the migration's test read this
// list, so a new translatable field (e.g. a motion's consolidated text) is one more line here plus its
// columns in a migration. Pure: the UI reads the labels.

export type TargetLanguage = 'en' | 'fr';
export const targetLanguages: readonly TargetLanguage[] = ['en', 'fr'];

export interface TranslatableField {
  /** Stable name of the field, part of every XLIFF unit id: never rename one that has shipped. */
  key: string;
  /** Table (Database key, camelCase). */
  table: 'delegate' | 'sittingHead' | 'note' | 'reservation' | 'referral' | 'actionItem' | 'actionUpdate' | 'agendaAdoption'
    | 'agendaItem' | 'motion' | 'decision' | 'corrigendum' | 'signatory' | 'delegation';
  /** Column of the original text (camelCase). */
  original: string;
  en: string;
  fr: string;
  /** What a translator is told the text is. */
  label: { ar: string; en: string; fr: string };
  /** Primary key column; 'id' unless said. */
  idColumn?: string;
  /** A column naming the original's language (a note may be typed in English): no translation into it. */
  languageColumn?: string;
  /** Rows left out: e.g. a member delegation, named by its state (names of member states are never sent). */
  skipWhen?: { column: string; value: string };
}

const f = (key: string, table: TranslatableField['table'], original: string, en: string, fr: string, ar: string, enLabel: string, frLabel: string, more: Partial<TranslatableField> = {}): TranslatableField =>
  ({ key, table, original, en, fr, label: { ar, en: enLabel, fr: frLabel }, ...more });

export const translatableFields: readonly TranslatableField[] = [
  // Texts held in one language until migration 0018.
  f('delegate.fullName', 'delegate', 'fullName', 'fullNameEn', 'fullNameFr', 'اسم عضو الوفد', 'Delegate’s name', 'Nom du délégué'),
  f('delegate.title', 'delegate', 'title', 'titleEn', 'titleFr', 'صفة عضو الوفد', 'Delegate’s title', 'Titre du délégué'),
  f('sittingHead.fullName', 'sittingHead', 'fullName', 'fullNameEn', 'fullNameFr', 'اسم رئيس الوفد في الجلسة', 'Head of delegation at the sitting', 'Chef de délégation à la séance'),
  f('sittingHead.title', 'sittingHead', 'title', 'titleEn', 'titleFr', 'صفة رئيس الوفد في الجلسة', 'Title of the head at the sitting', 'Titre du chef à la séance'),
  f('agendaAdoption.note', 'agendaAdoption', 'note', 'noteEn', 'noteFr', 'ملاحظة إقرار جدول الأعمال', 'Note on the agenda’s adoption', 'Note sur l’adoption de l’ordre du jour', { idColumn: 'sessionId' }),
  f('note.text', 'note', 'text', 'textEn', 'textFr', 'مداخلة أو عرض', 'Intervention or presentation', 'Intervention ou présentation', { languageColumn: 'language' }),
  f('reservation.text', 'reservation', 'text', 'textEn', 'textFr', 'نص التحفظ', 'Reservation', 'Réserve'),
  f('referral.note', 'referral', 'note', 'noteEn', 'noteFr', 'ملاحظة الإحالة', 'Referral note', 'Note de renvoi'),
  f('actionItem.description', 'actionItem', 'description', 'descriptionEn', 'descriptionFr', 'وصف الإجراء', 'Follow-up action', 'Action de suivi'),
  f('actionItem.responsibleUnit', 'actionItem', 'responsibleUnit', 'responsibleUnitEn', 'responsibleUnitFr', 'الجهة المسؤولة', 'Responsible unit', 'Unité responsable'),
  f('actionUpdate.text', 'actionUpdate', 'text', 'textEn', 'textFr', 'ما آل إليه الإجراء', 'Progress of an action', 'État d’avancement d’une action'),
  // Texts that had their three columns from the start.
  f('agendaItem.title', 'agendaItem', 'titleAr', 'titleEn', 'titleFr', 'عنوان بند', 'Agenda item title', 'Titre d’un point'),
  f('motion.text', 'motion', 'textAr', 'textEn', 'textFr', 'نص مقترح أو تعديل', 'Motion or amendment', 'Proposition ou amendement'),
  f('motion.consolidated', 'motion', 'consolidatedAr', 'consolidatedEn', 'consolidatedFr', 'نص المقترح بصيغته المعدّلة', 'Text of a motion as amended', 'Texte d’une proposition telle qu’amendée'),
  f('motion.referralBodyName', 'motion', 'referralBodyName', 'referralBodyNameEn', 'referralBodyNameFr', 'الجهة المحال إليها المقترح', 'Body a proposal is referred to', 'Instance à laquelle une proposition est renvoyée'),
  f('decision.text', 'decision', 'textAr', 'textEn', 'textFr', 'نص القرار', 'Decision', 'Décision'),
  f('corrigendum.text', 'corrigendum', 'textAr', 'textEn', 'textFr', 'نص التصويب', 'Corrigendum', 'Rectificatif'),
  f('signatory.title', 'signatory', 'titleAr', 'titleEn', 'titleFr', 'صفة الموقّع', 'Signatory’s title', 'Titre du signataire'),
  // An observer's or the secretariat's name (a member delegation is named by its state: never sent).
  f('delegation.name', 'delegation', 'nameAr', 'nameEn', 'nameFr', 'اسم وفد مراقب', 'Observer delegation', 'Délégation observatrice', { skipWhen: { column: 'kind', value: 'member' } }),
  // Texts held in one language until migration 0020.
  f('delegation.credentialsIssuedBy', 'delegation', 'credentialsIssuedBy', 'credentialsIssuedByEn', 'credentialsIssuedByFr', 'الجهة المصدرة لوثائق التفويض', 'Authority that issued the credentials', 'Autorité ayant délivré les pouvoirs'),
  f('referral.bodyName', 'referral', 'bodyName', 'bodyNameEn', 'bodyNameFr', 'الجهة المحال إليها', 'Body a decision is referred to', 'Organe saisi d’une décision'),
  f('signatory.fullName', 'signatory', 'fullName', 'fullNameEn', 'fullNameFr', 'اسم الموقّع على المحضر', 'Name of a signatory of the minutes', 'Nom d’un signataire du procès-verbal'),
  f('agendaItem.presenter', 'agendaItem', 'presenter', 'presenterEn', 'presenterFr', 'مقدّم البند', 'Who presents an agenda item', 'Présentateur d’un point'),
];

/**
 * The column keeping the SHA-256 of the original a translation was made from (migration 0020): '' when
 * none is known (no translation, or one entered before 0020). An original edited since makes it stale.
 */
export function sourceColumn(f: TranslatableField, language: TargetLanguage): string {
  return `${f[language]}SourceSha256`;
}

export function fieldByKey(key: string): TranslatableField | undefined {
  return translatableFields.find((x) => x.key === key);
}

