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
  /** The right-click menu in text fields. */
  context: { cut: string; copy: string; paste: string; selectAll: string };
  /** The window's page crashed, hangs or did not load: say so and offer to reload, never a blank window. */
  recovery: { crashed: string; unresponsive: string; loadFailed: string; detail: string; reload: string; wait: string; quit: string };
  /** Why the app cannot open its database, by error code (the file itself is left untouched). */
  startup: {
    NATIVE_MODULE: string;
    NETWORK_LOCATION: string;
    DATABASE_DAMAGED: string;
    DATABASE_FROM_FUTURE: string;
    DISK_FULL: string;
    DATABASE_READ_ONLY: string;
    STORAGE_UNAVAILABLE: string;
    MIGRATIONS_OUT_OF_ORDER: string;
    other: string;
  };
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
    context: { cut: 'قص', copy: 'نسخ', paste: 'لصق', selectAll: 'تحديد الكل' },
    recovery: {
      crashed: 'توقفت نافذة البرنامج عن العمل.',
      unresponsive: 'لا تستجيب نافذة البرنامج.',
      loadFailed: 'تعذّر تحميل واجهة البرنامج.',
      detail: 'كل ما أُبلغ عن حفظه محفوظ. أعد التحميل للمتابعة.',
      reload: 'إعادة التحميل',
      wait: 'انتظار',
      quit: 'خروج',
    },
    startup: {
      NATIVE_MODULE: 'تعذّر تحميل محرّك قاعدة البيانات في البرنامج. أعد تثبيت البرنامج؛ بياناتك لم تُمسّ.',
      NETWORK_LOCATION: 'قاعدة البيانات على مجلد شبكة مشترك، وهذا لا يحفظها بأمان. انقلها إلى القرص المحلي لهذا الحاسوب.',
      DISK_FULL: 'القرص الذي يحمل قاعدة البيانات ممتلئ. حرّر بعض المساحة ثم أعد فتح التطبيق؛ ما حُفظ من قبل سليم.',
      DATABASE_READ_ONLY: 'لا يمكن الكتابة في ملف قاعدة البيانات أو في مجلده. انسخ الملف إلى مجلد يمكنك الكتابة فيه (مثل المستندات) وافتحه من هناك.',
      STORAGE_UNAVAILABLE: 'تعذّرت قراءة ملف قاعدة البيانات أو الكتابة فيه: تحقّق من أن القرص موصول ثم أعد المحاولة.',
      MIGRATIONS_OUT_OF_ORDER: 'رقّى إصدارٌ آخر من التطبيق قاعدةَ البيانات هذه. افتحها بذلك الإصدار، أو استرجع النسخة الاحتياطية المأخوذة قبل الترقية؛ لم يُغيَّر شيء.',
      DATABASE_DAMAGED: 'ملف قاعدة البيانات تالف. لم يُغيَّر الملف؛ استرجع نسخة احتياطية أو اتصل بالدعم الفني.',
      DATABASE_FROM_FUTURE: 'كُتبت قاعدة البيانات بإصدار أحدث من البرنامج. حدّث البرنامج لفتحها.',
      other: 'تعذّر فتح قاعدة البيانات.',
    },
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
    context: { cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select all' },
    recovery: {
      crashed: 'The app’s window stopped working.',
      unresponsive: 'The app’s window is not responding.',
      loadFailed: 'The app’s screens could not be loaded.',
      detail: 'Everything reported saved is saved. Reload to go on.',
      reload: 'Reload',
      wait: 'Wait',
      quit: 'Quit',
    },
    startup: {
      NATIVE_MODULE: 'The app’s database engine could not be loaded. Reinstall the app; your data is untouched.',
      NETWORK_LOCATION: 'The database is on a network share, where it cannot be kept safe. Move it to this computer’s own disk.',
      DISK_FULL: 'The disk holding the database is full. Free some space and open the app again; everything saved before is intact.',
      DATABASE_READ_ONLY: 'The database file or its folder cannot be written. Copy the file to a folder you can write to (such as Documents) and open it from there.',
      STORAGE_UNAVAILABLE: 'The database file could not be read or written: check that its drive is connected, then try again.',
      MIGRATIONS_OUT_OF_ORDER: 'Another build of the app upgraded this database. Open it with that build, or restore the backup taken before the upgrade; nothing was changed.',
      DATABASE_DAMAGED: 'The database file is damaged. It was left as it is: restore a backup or call IT support.',
      DATABASE_FROM_FUTURE: 'The database was written by a newer version of the app. Update the app to open it.',
      other: 'The database could not be opened.',
    },
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
    context: { cut: 'Couper', copy: 'Copier', paste: 'Coller', selectAll: 'Tout sélectionner' },
    recovery: {
      crashed: 'La fenêtre de l’application a cessé de fonctionner.',
      unresponsive: 'La fenêtre de l’application ne répond pas.',
      loadFailed: 'Les écrans de l’application n’ont pas pu être chargés.',
      detail: 'Tout ce qui a été signalé comme enregistré est enregistré. Rechargez pour continuer.',
      reload: 'Recharger',
      wait: 'Attendre',
      quit: 'Quitter',
    },
    startup: {
      NATIVE_MODULE: 'Le moteur de base de données de l’application n’a pas pu être chargé. Réinstallez l’application ; vos données sont intactes.',
      NETWORK_LOCATION: 'La base de données est sur un partage réseau, où elle ne peut pas être gardée en sûreté. Déplacez-la sur le disque de cet ordinateur.',
      DISK_FULL: 'Le disque qui contient la base de données est plein. Libérez de la place et rouvrez l’application ; tout ce qui a été enregistré est intact.',
      DATABASE_READ_ONLY: 'Le fichier de la base de données ou son dossier ne peut pas être modifié. Copiez le fichier dans un dossier modifiable (par exemple Documents) et ouvrez-le depuis là.',
      STORAGE_UNAVAILABLE: 'Le fichier de la base de données n’a pas pu être lu ou écrit : vérifiez que son disque est branché, puis réessayez.',
      MIGRATIONS_OUT_OF_ORDER: 'Une autre version de l’application a mis à niveau cette base. Ouvrez-la avec cette version, ou restaurez la sauvegarde prise avant la mise à niveau ; rien n’a été modifié.',
      DATABASE_DAMAGED: 'Le fichier de la base de données est endommagé. Il a été laissé tel quel : restaurez une sauvegarde ou appelez le support informatique.',
      DATABASE_FROM_FUTURE: 'La base de données a été écrite par une version plus récente de l’application. Mettez l’application à jour pour l’ouvrir.',
      other: 'La base de données n’a pas pu être ouverte.',
    },
  },
};
