// Every CLI command, described here and run from its own module, which is imported only when the command
// runs (the bundle splits each into its own chunk): add an entry here for a new one.
import { registerCommand } from '../registry';

// The kinds of documents/generate.ts's DOCUMENT_KINDS, written out so the help does not load the
// documents' writer (tests/cli checks the two lists agree).
export const DOCUMENT_KIND_NAMES = ['decisions', 'follow-up', 'agenda', 'documents-list', 'convocation'];

registerCommand({
  name: 'check',
  summary: "check the database file's integrity, its migrations and the rules of every session's record (read only)",
  usage: 'check',
  flags: {},
  opensDatabase: false,
  load: async () => (await import('./check')).runCheck,
});

registerCommand({
  name: 'export',
  summary: "write a session's whole record as a session bundle (JSON)",
  usage: 'export <session> --out FILE.json',
  flags: { out: true },
  opensDatabase: true,
  load: async () => (await import('./export')).runExport,
});

registerCommand({
  name: 'import',
  summary: 'add a session from a session bundle; nothing changes if it is refused',
  usage: 'import FILE.json [--replace] [--unverified-copy]',
  flags: { replace: false, 'unverified-copy': false },
  opensDatabase: true,
  load: async () => (await import('./import')).runImport,
});

registerCommand({
  name: 'minutes',
  summary: 'write the minutes of a session as Word (.docx) or HTML (.html)',
  usage: 'minutes <session> --lang ar|en|fr --out FILE.docx [--tz ZONE] [--toc-pages]',
  flags: { lang: true, out: true, tz: true, draft: false, 'toc-pages': false },
  opensDatabase: true,
  load: async () => (await import('./minutes')).runMinutes,
});

registerCommand({
  name: 'backup',
  summary: 'take a backup of the database now (or --list the backups)',
  usage: 'backup [--list]',
  flags: { list: false },
  opensDatabase: true,
  load: async () => (await import('./backup')).runBackup,
});

registerCommand({
  name: 'restore',
  summary: 'restore the database from a backup (checked first; the current file is kept aside)',
  usage: 'restore BACKUP.sqlite',
  flags: {},
  opensDatabase: false,
  load: async () => (await import('./backup')).runRestore,
});

registerCommand({
  name: 'seal',
  summary: 'seal approved minutes (.docx or PDF): manifest written beside the file, version marked signed',
  usage: 'seal VERSION_ID FILE',
  flags: {},
  opensDatabase: true,
  load: async () => (await import('./seal')).runSeal,
});

registerCommand({
  name: 'seal-key',
  summary: "print this installation's public seal key and its fingerprint (made on first use)",
  usage: 'seal-key',
  flags: {},
  opensDatabase: false,
  load: async () => (await import('./seal')).runSealKey,
});

registerCommand({
  name: 'verify',
  summary: 'check a sealed .docx or PDF: valid, or exactly what differs',
  usage: 'verify FILE [--manifest FILE.seal.json] [--key KEY.pem]',
  flags: { manifest: true, key: true, 'public-key': true },
  opensDatabase: true,
  load: async () => (await import('./verify')).runVerify,
});

registerCommand({
  name: 'export-zip',
  summary: 'write one session (record, approval, signatures, scans) as a .zip',
  usage: 'export-zip SESSION --out FILE.zip',
  flags: { out: true },
  opensDatabase: true,
  load: async () => (await import('./zip')).runExportZip,
});

registerCommand({
  name: 'import-zip',
  summary: 'add a session from a .zip; if it is already here, show what differs (change nothing without --replace/--keep)',
  usage: 'import-zip FILE.zip [--replace | --keep] [--key KEY.pem] [--unverified-copy]',
  flags: { replace: false, keep: false, key: true, 'unverified-copy': false },
  opensDatabase: true,
  load: async () => (await import('./zip')).runImportZip,
});

registerCommand({
  name: 'document',
  summary: `write a session document as Word (.docx) or HTML (.html): ${DOCUMENT_KIND_NAMES.join(', ')}`,
  usage: `document ${DOCUMENT_KIND_NAMES.join('|')} <session> --lang ar|en|fr --out FILE.docx [--tz ZONE] [--seal]`,
  flags: { lang: true, out: true, tz: true, seal: false },
  opensDatabase: true,
  load: async () => (await import('./documents')).runDocument,
});

registerCommand({
  name: 'translations',
  summary: 'export the texts to translate as XLIFF 2.0, or import the translated file back',
  usage: 'translations export SESSION --lang en|fr [--from ar|en|fr] --out FILE.xlf | translations import SESSION FILE.xlf [--lang en|fr]',
  flags: { lang: true, out: true, from: true },
  opensDatabase: true,
  load: async () => (await import('./translations')).runTranslations,
});
