// The standing items a new ordinary session starts from (domain.md), editable under settings key
// 'agendaTemplate'. Pure data.
import type { AgendaTemplate } from './schema';

export const AGENDA_TEMPLATE_KEY = 'agendaTemplate';

export const defaultAgendaTemplate: AgendaTemplate = {
  items: [
    {
      key: 'adoption_of_agenda',
      title: { ar: 'إقرار جدول الأعمال', en: 'Adoption of the agenda', fr: 'Adoption de l’ordre du jour' },
      presenter: '',
    },
    {
      key: 'director_general_report',
      title: {
        ar: 'تقرير المدير العام عن نشاط المنظمة',
        en: "The Director-General's report",
        fr: 'Rapport du Directeur général',
      },
      presenter: '',
    },
    {
      key: 'follow_up_report',
      title: {
        ar: 'تقرير متابعة تنفيذ قرارات الدورة السابقة',
        en: "Follow-up report on the previous session's decisions",
        fr: 'Rapport de suivi des décisions de la session précédente',
      },
      presenter: '',
    },
    {
      key: 'budget_and_contributions',
      title: {
        ar: 'الميزانية ومساهمات الدول الأعضاء',
        en: "Budget and member states' contributions",
        fr: 'Budget et contributions des États membres',
      },
      presenter: '',
    },
    {
      key: 'next_session',
      title: {
        ar: 'موعد ومكان انعقاد الدورة القادمة',
        en: 'Date and venue of the next session',
        fr: 'Date et lieu de la prochaine session',
      },
      presenter: '',
    },
    {
      key: 'any_other_business',
      title: { ar: 'ما يستجد من أعمال', en: 'Any other business', fr: 'Questions diverses' },
      presenter: '',
    },
  ],
};
