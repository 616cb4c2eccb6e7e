import type { MenuItemConstructorOptions } from 'electron';
import { t, type Lang } from '../i18n/messages';

// Only a type import of 'electron': the template is plain data, checked in both languages by vitest.

export interface MenuActions {
  navigate(route: string): void;
  openDataFolder(): void;
  backupNow(): void;
  restoreBackup(): void;
  about(): void;
}

interface MenuContext {
  lang: Lang;
  platform: NodeJS.Platform;
  /** Developer tools are offered only when running from the project, never in the installed app. */
  isPackaged: boolean;
  appName: string;
}

/** The application menu in the user's language; rebuilt whenever the language setting changes. */
export function buildMenuTemplate(ctx: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  // '&' marks the Alt-key letter on Windows and Linux; macOS has no such letters and would show them.
  const l = (key: string, params?: Record<string, unknown>) => {
    const text = t(ctx.lang, `menu.${key}`, params);
    return mac ? text.replace(/\(&\w\)/g, '').replace(/&(?=\S)/g, '') : text;
  };
  const settings: MenuItemConstructorOptions = {
    id: 'settings',
    label: l('settings'),
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.navigate('/settings'),
  };
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: l('about', { name: ctx.appName }),
    click: () => actions.about(),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [
      about,
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services', label: l('services') },
      { type: 'separator' },
      { role: 'hide', label: l('hide', { name: ctx.appName }) },
      { role: 'hideOthers', label: l('hideOthers') },
      { role: 'unhide', label: l('unhide') },
      { type: 'separator' },
      { role: 'quit', label: l('quit', { name: ctx.appName }) },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: l('file'),
    submenu: [
      ...(mac ? [] : [settings, { type: 'separator' } as const]),
      { id: 'open-data-folder', label: l('openDataFolder'), click: () => actions.openDataFolder() },
      { type: 'separator' },
      { id: 'backup-now', label: l('backupNow'), click: () => actions.backupNow() },
      { id: 'restore-backup', label: l('restoreBackup'), click: () => actions.restoreBackup() },
      { type: 'separator' },
      mac ? { role: 'close', label: l('closeWindow') } : { role: 'quit', label: l('quit', { name: ctx.appName }) },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: l('edit'),
    submenu: [
      { role: 'undo', label: l('undo') },
      { role: 'redo', label: l('redo') },
      { type: 'separator' },
      { role: 'cut', label: l('cut') },
      { role: 'copy', label: l('copy') },
      { role: 'paste', label: l('paste') },
      { role: 'delete', label: l('delete') },
      { type: 'separator' },
      { role: 'selectAll', label: l('selectAll') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: l('view'),
    submenu: [
      { role: 'reload', label: l('reload') },
      ...(ctx.isPackaged
        ? []
        : [
            { role: 'forceReload', label: l('forceReload') } as const,
            { role: 'toggleDevTools', label: l('toggleDevTools') } as const,
          ]),
      { type: 'separator' },
      { role: 'resetZoom', label: l('resetZoom') },
      { role: 'zoomIn', label: l('zoomIn') },
      { role: 'zoomOut', label: l('zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: l('toggleFullScreen') },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: l('window'),
    submenu: [
      { role: 'minimize', label: l('minimize') },
      { role: 'zoom', label: l('zoom') },
      { type: 'separator' },
      { role: 'front', label: l('front') },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: l('help'),
    submenu: [
      mac ? { id: 'about-help', label: l('about', { name: ctx.appName }), click: () => actions.about() } : about,
    ],
  };

  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, help];
}
