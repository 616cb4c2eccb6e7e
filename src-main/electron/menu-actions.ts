import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { APP_VERSION } from '../app-version';
import type { BackupInfo, RestoreResult } from '../contract/system';
import { backupDir } from '../db/backup';
import { t, type Lang } from '../i18n/messages';
import type { Invoke } from './ipc';
import type { MenuActions } from './menu';

interface MenuActionDeps {
  dataDir: string;
  lang(): Lang;
  window(): BrowserWindow | undefined;
  navigate(route: string): void;
  invoke: Invoke;
  appName(): string;
}

/** Same folder (Windows and macOS compare paths case-insensitively). */
function sameFolder(a: string, b: string, caseInsensitive: boolean): boolean {
  const norm = (p: string) => {
    const r = path.resolve(p).replace(/[\\/]+$/, '');
    return caseInsensitive ? r.toLowerCase() : r;
  };
  return norm(a) === norm(b);
}

/** The native side of the File and Help menus: folders, backups and the About box. */
export function createMenuActions(deps: MenuActionDeps): MenuActions {
  const d = (key: string, params?: Record<string, unknown>) => t(deps.lang(), `menu.dialogs.${key}`, params);

  const box = async (options: MessageBoxOptions) => {
    const win = deps.window();
    return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  };

  const openDataFolder = async () => {
    const reason = await shell.openPath(deps.dataDir);
    if (reason)
      await box({ type: 'error', message: d('openFolderFailed', { dir: deps.dataDir, reason }), buttons: [d('ok')] });
  };

  return {
    navigate(route) {
      deps.navigate(route);
    },

    openDataFolder() {
      void openDataFolder();
    },

    backupNow() {
      void (async () => {
        const result = await deps.invoke('backup/create', {});
        if (result.ok) {
          const backup = result.value as BackupInfo;
          await box({
            type: 'info',
            message: d('backupDone'),
            detail: d('backupDoneDetail', { name: backup.name, dir: path.dirname(backup.file) }),
            buttons: [d('ok')],
          });
        } else {
          await box({ type: 'error', message: d('backupFailed'), detail: result.error.message, buttons: [d('ok')] });
        }
      })();
    },

    restoreBackup() {
      void (async () => {
        const folder = backupDir(deps.dataDir);
        fs.mkdirSync(folder, { recursive: true });
        const win = deps.window();
        const options = {
          title: d('restoreTitle'),
          defaultPath: folder + path.sep,
          filters: [{ name: d('restoreFilter'), extensions: ['db'] }],
          properties: ['openFile' as const],
        };
        const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        if (picked.canceled || picked.filePaths.length === 0) return;
        const file = picked.filePaths[0];
        // A native dialog can only start in the folder; a file picked elsewhere is refused, not copied in.
        if (!sameFolder(path.dirname(file), folder, process.platform !== 'linux')) {
          await box({ type: 'warning', message: d('restoreOutsideFolder', { dir: folder }), buttons: [d('ok')] });
          return;
        }
        const name = path.basename(file);
        const confirm = await box({
          type: 'warning',
          message: d('restoreConfirm', { name }),
          detail: d('restoreConfirmDetail'),
          buttons: [d('restoreButton'), d('cancel')],
          defaultId: 1,
          cancelId: 1,
        });
        if (confirm.response !== 0) return;
        const result = await deps.invoke('backup/restore', { name });
        if (result.ok) {
          const value = result.value as RestoreResult;
          await box({
            type: 'info',
            message: d('restoreDone', { name }),
            detail: d('restoreDoneDetail', { safety: value.safetyBackup?.name ?? value.damagedCopy }),
            buttons: [d('ok')],
          });
        } else {
          await box({ type: 'error', message: d('restoreFailed'), detail: result.error.message, buttons: [d('ok')] });
        }
      })();
    },

    about() {
      void (async () => {
        const { response } = await box({
          type: 'info',
          title: t(deps.lang(), 'menu.about', { name: deps.appName() }),
          message: deps.appName(),
          detail: d('aboutDetail', {
            version: APP_VERSION || app.getVersion(),
            dataDir: deps.dataDir,
            electron: process.versions.electron,
            chrome: process.versions.chrome,
            node: process.versions.node,
          }),
          buttons: [d('ok'), d('openDataFolder')],
          defaultId: 0,
          cancelId: 0,
        });
        if (response === 1) await openDataFolder();
      })();
    },
  };
}
