// The desktop shell's own calls (save a generated file through a native dialog, open a document, show it
// in its folder, pick a file to import, the menu's language): channel names and zod payload schemas.
// Pure, so the sandboxed preload may import it; main/ipc.ts validates every payload with these before
// touching the OS.
import { z } from 'zod';

export const languages = ['ar', 'en', 'fr'] as const;
export const languageSchema = z.enum(languages);

/** Files the shell saves for the UI (generated minutes, exports, backups), by extension. */
export const savableExtensions = ['docx', 'pdf', 'zip', 'councilbundle', 'sqlite', 'json', 'csv', 'pem'] as const;

/** Files the shell may hand to the operating system to open: documents only, never programs. */
export const openableExtensions = ['docx', 'pdf'] as const;

/** What an open dialog is for; main picks the title and the filter from it. */
export const pickKinds = ['bundle', 'backup', 'session-zip'] as const;
export const pickKindSchema = z.enum(pickKinds);
export type PickKind = z.infer<typeof pickKindSchema>;
export const pickKindExtensions: Record<PickKind, readonly string[]> = {
  bundle: ['councilbundle', 'zip'],
  backup: ['sqlite'],
  'session-zip': ['zip'],
};

/** Lower-case extension of a file name, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

// A file name for a dialog's default: no folder parts, no control characters, a sane length.
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\\/\u0000-\u001f]/.test(s), 'a file name without folders or control characters')
  .refine((s) => (savableExtensions as readonly string[]).includes(extensionOf(s)), {
    message: `a file name ending in .${savableExtensions.join(', .')}`,
  });

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\u0000'), 'no NUL characters');

/** 192 MiB of base64 (about 144 MiB of file): far above any minutes or bundle, below IPC trouble. */
const MAX_BASE64 = 192 * 1024 * 1024;
const base64 = z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text');

export const shellSchemas = {
  'shell:save-file': z
    .object({
      fileName,
      mimeType: z.string().min(1).max(200),
      base64,
      /** Kept beside the chosen file as <file><suffix>: only the seal's manifest. */
      beside: z
        .array(z.object({ suffix: z.literal('.seal.json'), mimeType: z.string().min(1).max(200), base64 }).strict())
        .max(1)
        .optional(),
    })
    .strict(),
  'shell:open-path': z.object({ path: absolutePath }).strict(),
  'shell:show-in-folder': z.object({ path: absolutePath }).strict(),
  'shell:open-dialog': z.object({ kind: pickKindSchema }).strict(),
  /** A native open dialog, then the chosen file's bytes (the page never learns or gives a path). */
  'shell:pick-file': z.object({ kind: pickKindSchema }).strict(),
  'shell:set-language': z.object({ language: languageSchema }).strict(),
  'shell:app-info': z.object({}).strict(),
} as const;

export type ShellChannel = keyof typeof shellSchemas;
export const shellChannels = Object.keys(shellSchemas) as ShellChannel[];

/** One IPC channel per API call: `api:<call name>`. */
export function apiChannel(name: string): string {
  return `api:${name}`;
}

/** Messages the native menu sends to the window (main → renderer). */
export const menuActions = ['new-session', 'import-bundle', 'export-bundle', 'backup', 'language', 'about'] as const;
export type MenuAction = (typeof menuActions)[number];
export function menuChannel(action: MenuAction): string {
  return `menu:${action}`;
}
