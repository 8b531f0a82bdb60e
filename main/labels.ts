// The few strings the native shell shows itself (menus, dialog titles), in the UI's three languages.
// The UI's own strings live in its message catalogues; these follow the language the UI reports.
import type { Language } from '../src/desktop/types';

export interface ShellLabels {
  file: string;
  newSession: string;
  importBundle: string;
  exportBundle: string;
  backup: string;
  quit: string;
  edit: string;
  view: string;
  language: string;
  reload: string;
  devTools: string;
  help: string;
  about: string;
  showDataFolder: string;
  dialog: { save: string; openBundle: string; openBackup: string };
  /** Names of the dialogs' file filters, by extension; others show the extension itself. */
  filter: Partial<Record<string, string>>;
}

export const languageNames: Record<Language, string> = { ar: 'العربية', en: 'English', fr: 'Français' };

export const shellLabels: Record<Language, ShellLabels> = {
  ar: {
    file: 'ملف',
    newSession: 'دورة جديدة',
    importBundle: 'استيراد حزمة…',
    exportBundle: 'تصدير حزمة…',
    backup: 'نسخة احتياطية…',
    quit: 'خروج',
    edit: 'تحرير',
    view: 'عرض',
    language: 'اللغة',
    reload: 'إعادة التحميل',
    devTools: 'أدوات المطوّر',
    help: 'مساعدة',
    about: 'حول البرنامج',
    showDataFolder: 'إظهار مجلد البيانات',
    dialog: { save: 'حفظ الملف', openBundle: 'استيراد حزمة', openBackup: 'فتح نسخة احتياطية' },
    filter: { docx: 'مستند Word', pdf: 'PDF', councilbundle: 'حزمة المجلس', zip: 'ZIP', sqlite: 'قاعدة بيانات SQLite', pem: 'مفتاح عام (PEM)' },
  },
  en: {
    file: 'File',
    newSession: 'New session',
    importBundle: 'Import a bundle…',
    exportBundle: 'Export a bundle…',
    backup: 'Back up…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    language: 'Language',
    reload: 'Reload',
    devTools: 'Developer tools',
    help: 'Help',
    about: 'About Council Minutes',
    showDataFolder: 'Show the data folder',
    dialog: { save: 'Save the file', openBundle: 'Import a bundle', openBackup: 'Open a backup' },
    filter: { docx: 'Word document', pdf: 'PDF', councilbundle: 'Council bundle', zip: 'ZIP', sqlite: 'SQLite database', pem: 'Public key (PEM)' },
  },
  fr: {
    file: 'Fichier',
    newSession: 'Nouvelle session',
    importBundle: 'Importer un paquet…',
    exportBundle: 'Exporter un paquet…',
    backup: 'Sauvegarder…',
    quit: 'Quitter',
    edit: 'Édition',
    view: 'Affichage',
    language: 'Langue',
    reload: 'Recharger',
    devTools: 'Outils de développement',
    help: 'Aide',
    about: 'À propos de Council Minutes',
    showDataFolder: 'Afficher le dossier des données',
    dialog: { save: 'Enregistrer le fichier', openBundle: 'Importer un paquet', openBackup: 'Ouvrir une sauvegarde' },
    filter: { docx: 'Document Word', pdf: 'PDF', councilbundle: 'Paquet du Conseil', zip: 'ZIP', sqlite: 'Base de données SQLite', pem: 'Clé publique (PEM)' },
  },
};
