import path from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { loadWindowState, MIN_SIZE, restoreBounds, saveWindowState, STATE_FILE } from './window-state';

interface MainWindowOptions {
  title: string;
  /** out/preload/index.cjs */
  preload: string;
  /** The index page on the app's own scheme (app-protocol.ts), or the dev server's URL when running `electron-vite dev`. */
  indexUrl: string;
  devServerUrl?: string;
}

/**
 * The workbench's one window: sandboxed, isolated, no Node in the page; it reopens where and as large
 * as it was last closed, on a display that still exists.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), STATE_FILE);
  const initial = restoreBounds(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );

  const win = new BrowserWindow({
    ...(initial.x !== undefined && initial.y !== undefined ? { x: initial.x, y: initial.y } : { center: true }),
    width: initial.width,
    height: initial.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: options.title,
    backgroundColor: '#f5f5f5',
    // Packaged builds take the icon from the executable; running from the project shows ours too.
    ...(!app.isPackaged && process.platform !== 'darwin'
      ? { icon: path.join(app.getAppPath(), 'resources', 'icon.png') }
      : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click (auxclick) must not open links or run handlers a click would not (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });

  win.once('ready-to-show', () => {
    if (initial.maximized) win.maximize();
    win.show();
  });

  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });

  // The document's <title> must not replace the localized window title.
  win.on('page-title-updated', (event) => event.preventDefault());

  void win.loadURL(options.devServerUrl ?? options.indexUrl);
  return win;
}
