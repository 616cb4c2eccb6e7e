import path from 'node:path';

// No 'electron' import here: the choice of binary is tested under Node.

/** Folder (in the project, gitignored) where `npm run native:electron` stores Electron-ABI builds. */
export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';

interface NativeBindingContext {
  isPackaged: boolean;
  /** process.resourcesPath of the packaged app. */
  resourcesPath: string;
  /** The project folder when running unpackaged (app.getAppPath()). */
  appPath: string;
  platform: string;
  arch: string;
}

/**
 * The better-sqlite3 binary built for Electron's ABI. node_modules/better-sqlite3/build keeps the
 * Node build for tests, the CLI and browser mode; Electron never loads that one.
 * Packaged: electron-builder copies it to resources/native (extraResources).
 * Development: scripts/electron-native.mjs stores it per platform and arch in the project.
 */
export function nativeBindingPath(ctx: NativeBindingContext): string {
  if (ctx.isPackaged) return path.join(ctx.resourcesPath, 'native', NATIVE_FILE);
  return path.join(ctx.appPath, NATIVE_DIR, `${ctx.platform}-${ctx.arch}`, NATIVE_FILE);
}
