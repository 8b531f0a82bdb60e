// The native menu. Its actions are messages to the window (menu:<action>): the UI owns every flow
// (a new session form, picking a bundle, ...), the menu is just another way in.
import type { MenuItemConstructorOptions } from 'electron';
import { languages, menuChannel, type MenuAction } from '../src/desktop/schema';
import type { Language } from '../src/desktop/types';
import { languageNames, shellLabels } from './labels';

export interface MenuDeps {
  language: Language;
  development: boolean;
  platform: NodeJS.Platform;
  /** Send a menu message to the main window. */
  send(channel: string, ...args: unknown[]): void;
  /** The user picked a language in the menu: the shell rebuilds the menu, the UI switches. */
  chooseLanguage(language: Language): void;
  showDataFolder(): void;
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const t = shellLabels[deps.language];
  const isMac = deps.platform === 'darwin';
  const action = (label: string, name: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => deps.send(menuChannel(name)),
  });

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      action(t.newSession, 'new-session', 'CmdOrCtrl+N'),
      { type: 'separator' },
      action(t.importBundle, 'import-bundle', 'CmdOrCtrl+O'),
      action(t.exportBundle, 'export-bundle', 'CmdOrCtrl+E'),
      action(t.backup, 'backup', 'CmdOrCtrl+B'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: t.quit },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const languageItems: MenuItemConstructorOptions[] = languages.map((code) => ({
    label: languageNames[code],
    type: 'radio',
    checked: code === deps.language,
    click: () => {
      deps.chooseLanguage(code);
      deps.send(menuChannel('language'), code);
    },
  }));
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { label: t.language, submenu: languageItems },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
      // Reload loses unsaved form input and devtools open the page's internals: development only.
      ...(deps.development
        ? ([
            { type: 'separator' },
            { role: 'reload', label: t.reload },
            { role: 'toggleDevTools', label: t.devTools },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: t.help,
    submenu: [action(t.about, 'about'), { label: t.showDataFolder, click: () => deps.showDataFolder() }],
  };

  // macOS: the app menu first and the standard Window menu (minimise, zoom, bring all to front) before Help.
  if (isMac) return [{ role: 'appMenu' }, file, edit, view, { role: 'windowMenu' }, help];
  return [file, edit, view, help];
}
