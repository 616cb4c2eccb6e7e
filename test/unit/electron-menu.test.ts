import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../src-main/electron/menu';
import type { Lang } from '../../src-main/i18n/messages';

function actions(): MenuActions {
  return { navigate: vi.fn(), openDataFolder: vi.fn(), backupNow: vi.fn(), restoreBackup: vi.fn(), about: vi.fn() };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  item?.click?.(undefined as never, undefined, undefined as never);

const cases: Array<[Lang, NodeJS.Platform]> = [
  ['zh-CN', 'win32'],
  ['en', 'win32'],
  ['zh-CN', 'darwin'],
  ['en', 'darwin'],
  ['en', 'linux'],
];

describe('application menu (both languages, every platform)', () => {
  it.each(cases)('labels every item in %s on %s, with no missing key', (lang, platform) => {
    const items = flatten(
      buildMenuTemplate({ lang, platform, isPackaged: true, appName: 'Sales Workbench' }, actions()),
    );
    const labelled = items.filter((i) => i.type !== 'separator');
    expect(labelled.length).toBeGreaterThan(15);
    for (const item of labelled) {
      expect(item.label, JSON.stringify(item.role ?? item.id)).toBeTruthy();
      expect(item.label).not.toMatch(/^menu\.|\{\{/);
      // macOS shows no Alt-key letters: '&' would appear literally or vanish oddly
      if (platform === 'darwin') expect(item.label).not.toContain('&');
    }
  });

  it('speaks Chinese and English', () => {
    const zh = buildMenuTemplate(
      { lang: 'zh-CN', platform: 'win32', isPackaged: true, appName: '销售管理工作台' },
      actions(),
    );
    const en = buildMenuTemplate(
      { lang: 'en', platform: 'win32', isPackaged: true, appName: 'Sales Workbench' },
      actions(),
    );
    expect(zh.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(en.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) =>
      flatten(buildMenuTemplate({ lang: 'en', platform: 'win32', isPackaged, appName: 'W' }, actions())).map(
        (i) => i.role,
      );
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).toEqual(
      expect.arrayContaining([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'reload',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'quit',
      ]),
    );
  });

  it('wires File and Help to their actions and Settings to the #/settings route', () => {
    const a = actions();
    const items = flatten(buildMenuTemplate({ lang: 'zh-CN', platform: 'win32', isPackaged: true, appName: 'W' }, a));
    const byId = (id: string) => items.find((i) => i.id === id);
    click(byId('settings'));
    click(byId('open-data-folder'));
    click(byId('backup-now'));
    click(byId('restore-backup'));
    click(byId('about'));
    expect(a.navigate).toHaveBeenCalledWith('/settings');
    expect(a.openDataFolder).toHaveBeenCalledTimes(1);
    expect(a.backupNow).toHaveBeenCalledTimes(1);
    expect(a.restoreBackup).toHaveBeenCalledTimes(1);
    expect(a.about).toHaveBeenCalledTimes(1);
    expect(byId('settings')?.accelerator).toBe('CmdOrCtrl+,');
  });

  it('has the macOS application menu first, with About, Settings and Quit', () => {
    const menu = buildMenuTemplate(
      { lang: 'en', platform: 'darwin', isPackaged: true, appName: 'Sales Workbench' },
      actions(),
    );
    expect(menu[0].label).toBe('Sales Workbench');
    const first = flatten([menu[0]]);
    expect(first.map((i) => i.id ?? i.role)).toEqual(expect.arrayContaining(['about', 'settings', 'hide', 'quit']));
    expect(menu.map((m) => m.role).filter(Boolean)).toEqual(['windowMenu', 'help']);
    // Settings lives in the app menu on macOS, in File elsewhere
    expect(flatten([menu[1]]).some((i) => i.id === 'settings')).toBe(false);
  });
});
