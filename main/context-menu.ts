// The right-click menu: in a text field, cut / copy / paste / select all, in the UI's language (a
// secretary expects it, and the renderer has none of its own); on selected text elsewhere, copy. Nothing
// else: no "inspect", no spelling service, no link actions.
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellLabels } from './labels';

export interface ContextMenuParamsLike {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export function contextMenuTemplate(params: ContextMenuParamsLike, labels: ShellLabels): MenuItemConstructorOptions[] | null {
  const t = labels.context;
  if (params.isEditable) {
    return [
      { role: 'cut', label: t.cut, enabled: params.editFlags.canCut },
      { role: 'copy', label: t.copy, enabled: params.editFlags.canCopy },
      { role: 'paste', label: t.paste, enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: t.selectAll, enabled: params.editFlags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy', label: t.copy, enabled: params.editFlags.canCopy }];
  return null;
}

export interface ContextMenuTarget {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParamsLike) => void): unknown;
}

/** Show the menu on right-click; `popup` is `(template) => Menu.buildFromTemplate(template).popup({ window })`. */
export function attachContextMenu(
  webContents: ContextMenuTarget,
  labels: () => ShellLabels,
  popup: (template: MenuItemConstructorOptions[]) => void,
): void {
  webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, labels());
    if (template) popup(template);
  });
}
