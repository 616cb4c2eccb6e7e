import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import type { WorkbenchEvent, WorkbenchEvents } from '../contract/events';
import type { Settings } from '../contract/system';
import { isWorkbenchError } from '../contract/errors';
import { removeLeftovers } from '../db/backup';
import { lockFolder, type FolderLock } from '../db/folder-lock';
import { DB_FILE, RESTORE_TEMP_SUFFIX, resolveDataDir, Workspace } from '../db/workspace';
import { osLang, t, type Lang } from '../i18n/messages';
import { dispatch, errorPayload } from '../runtime/dispatch';
import { logInternalError } from '../runtime/error-log';
import { createJobRunner, type JobRunner } from '../runtime/jobs';
import { defaultActor } from '../services/context';
import { sweepUploads } from '../services/files/uploads';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol';
import { createInvoker, registerIpc } from './ipc';
import { withScanViewer } from './scan-viewer';
import { withReportPrinting } from './print-report';
import { createMainWindow } from './main-window';
import { buildMenuTemplate, type MenuActions } from './menu';
import { createMenuActions } from './menu-actions';
import { nativeBindingPath } from './native-binding';
import { cspFor, hardenContents, hardenSession, isAppUrl, type AppOrigin } from './security';

// out/main/index.js: the preload and the renderer are built beside it.
const here = import.meta.dirname;
const APP_ID = 'com.saleswb.workbench';

// The dev server is trusted only when running from the project, never from an installed app.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = path.join(here, '../renderer');
const origin: AppOrigin = { indexUrl: APP_INDEX_URL, devServerUrl };

let ws: Workspace | undefined;
let folderLock: FolderLock | undefined;
let jobs: JobRunner | undefined;
let win: BrowserWindow | undefined;
let lang: Lang = 'en';
let menuActions: MenuActions | undefined;

/** The saved language setting, else the one of this computer. */
async function resolveLang(workspace: Workspace): Promise<Lang> {
  const result = await dispatch(workspace, 'settings/get', {}, { lang });
  const saved = result.ok ? (result.value as Settings).lang : null;
  return saved ?? osLang(app.getLocale());
}

/** Events for the page; a window being torn down is skipped rather than thrown at. */
function sendToPage<E extends WorkbenchEvent>(channel: E, payload: WorkbenchEvents[E]): void {
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
}

function appName(): string {
  return t(lang, 'app.name');
}

function setMenu(): void {
  if (!menuActions) return;
  const template = buildMenuTemplate(
    { lang, platform: process.platform, isPackaged: app.isPackaged, appName: appName() },
    menuActions,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  win?.setTitle(appName());
}

/** Ends the start with a message box (see the whenReady handler) instead of a stack trace. */
function fail(message: string): never {
  throw new Error(message);
}

function openWindow(): void {
  win = createMainWindow({
    title: appName(),
    preload: path.join(here, '../preload/index.cjs'),
    indexUrl: APP_INDEX_URL,
    devServerUrl,
  });
  win.on('closed', () => {
    win = undefined;
  });
}

async function start(): Promise<void> {
  lang = osLang(app.getLocale());
  hardenSession(session.defaultSession, devServerUrl);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url, cspFor(devServerUrl)));

  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    platform: process.platform,
    arch: process.arch,
  });
  if (!fs.existsSync(nativeBinding)) fail(t(lang, 'menu.dialogs.nativeMissing', { file: nativeBinding }));

  let workspace: Workspace;
  const dataDir = resolveDataDir();
  try {
    // The window owns the data folder while it runs (issue 17, item 6); a damaged database opens in
    // recovery (the page shows the recovery screen) instead of failing here.
    fs.mkdirSync(dataDir, { recursive: true });
    folderLock = await lockFolder(dataDir, 'app');
    removeLeftovers(dataDir, path.join(dataDir, `${DB_FILE}${RESTORE_TEMP_SUFFIX}`));
    workspace = new Workspace(dataDir, { nativeBinding });
  } catch (e) {
    fail(
      isWorkbenchError(e)
        ? errorPayload(e, lang).message
        : t(lang, 'errors.internal-logged', logInternalError(dataDir, 'start', e)),
    );
  }
  ws = workspace;
  sweepUploads(workspace.dataDir);
  lang = await resolveLang(workspace);

  const actor = defaultActor();
  const runner = createJobRunner({
    dataDir: workspace.dataDir,
    nativeBinding,
    lang: () => lang,
    actor: () => actor,
    onProgress: (event) => sendToPage('job/progress', event),
  });
  jobs = runner;

  const invoke = createInvoker({
    ws: workspace,
    lang: () => lang,
    actor,
    jobs: runner,
    onMutated: (operation) => {
      sendToPage('data/changed', { operation });
      // settings/set, a restored backup or a new demo company may have changed the language
      void resolveLang(workspace).then((next) => {
        if (next === lang) return;
        lang = next;
        setMenu();
      });
    },
  });
  registerIpc({
    invoke: withScanViewer(
      withReportPrinting(
        invoke,
        () => (win && !win.isDestroyed() ? win : undefined),
        () => lang,
      ),
      workspace.dataDir,
      () => lang,
    ),
    isTrustedUrl: (url) => isAppUrl(url, origin),
    lang: () => lang,
    dataDir: workspace.dataDir,
  });

  menuActions = createMenuActions({
    dataDir: workspace.dataDir,
    lang: () => lang,
    window: () => (win && !win.isDestroyed() ? win : undefined),
    navigate: (route) => sendToPage('menu/navigate', route),
    invoke,
    appName,
  });
  setMenu();
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAppUserModelId(APP_ID);
  app.enableSandbox();
  // Before 'ready', as Electron requires: the page's scheme is a secure, standard origin.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Every web contents, including ones the page might try to create, gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, origin, (url) => void shell.openExternal(url));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (ws && !win && app.isReady()) openWindow();
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void (async () => {
      try {
        await jobs?.close();
      } finally {
        // Files the window handed over serve this session only.
        if (ws) sweepUploads(ws.dataDir, 0);
        ws?.close();
        folderLock?.release();
        closed = true;
        app.quit();
      }
    })();
  });

  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      logInternalError(ws?.dataDir ?? resolveDataDir(), 'start', e);
      dialog.showErrorBox(t(lang, 'menu.dialogs.startFailed'), (e as Error).message);
      app.exit(1);
    });
}
