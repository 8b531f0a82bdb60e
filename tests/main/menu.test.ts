import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuDeps } from '../../main/menu';

function build(over: Partial<MenuDeps> = {}) {
  const sent: unknown[][] = [];
  const chosen: string[] = [];
  let shownData = 0;
  const template = buildMenuTemplate({
    language: 'en',
    development: false,
    platform: 'win32',
    send: (...args) => sent.push(args),
    chooseLanguage: (l) => chosen.push(l),
    showDataFolder: () => shownData++,
    ...over,
  });
  return { template, sent, chosen, shown: () => shownData };
}

const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);

describe('the native menu', () => {
  it('has File, Edit, View and Help, with an app menu first on macOS only', () => {
    expect(build().template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const mac = build({ platform: 'darwin' }).template;
    expect(mac[0]!.role).toBe('appMenu');
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
  });

  it('sends the File actions to the window as menu:<action>', () => {
    const { template, sent } = build();
    const file = sub(find(template, 'File'));
    for (const label of ['New session', 'Import a bundle…', 'Export a bundle…', 'Back up…']) click(find(file, label));
    expect(sent).toEqual([['menu:new-session'], ['menu:import-bundle'], ['menu:export-bundle'], ['menu:backup']]);
    expect(roles(file)).toContain('quit');
  });

  it('uses the standard Edit roles', () => {
    expect(roles(sub(find(build().template, 'Edit')))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('switches language from View, checking the current one', () => {
    const { template, sent, chosen } = build({ language: 'ar' });
    const view = sub(template.find((m) => m.label === 'عرض'));
    const languages = sub(view[0]);
    expect(languages.map((l) => [l.label, l.checked])).toEqual([
      ['العربية', true],
      ['English', false],
      ['Français', false],
    ]);
    click(languages[2]);
    expect(chosen).toEqual(['fr']);
    expect(sent).toEqual([['menu:language', 'fr']]);
  });

  it('offers reload and devtools in development only', () => {
    expect(roles(sub(find(build().template, 'View')))).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles(sub(find(build().template, 'View')))).not.toContain('toggleDevTools');
    expect(roles(sub(find(build({ development: true }).template, 'View')))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('has every label in Arabic, English and French', () => {
    const labels = (language: 'ar' | 'en' | 'fr') =>
      build({ language }).template.flatMap((m) => [m.label, ...sub(m).map((i) => i.label)]).filter(Boolean);
    const [ar, en, fr] = [labels('ar'), labels('en'), labels('fr')];
    expect(ar).toHaveLength(en.length);
    expect(fr).toHaveLength(en.length);
    expect(ar.filter((l, i) => l === en[i] && !['العربية', 'English', 'Français'].includes(l!))).toEqual([]);
  });

  it('shows the data folder from Help', () => {
    const { template, shown, sent } = build();
    const help = sub(find(template, 'Help'));
    click(find(help, 'Show the data folder'));
    click(find(help, 'About Council Minutes'));
    expect(shown()).toBe(1);
    expect(sent).toEqual([['menu:about']]);
  });
});
