import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database, { type Database as DB } from 'better-sqlite3';
import { WorkbenchError } from '../contract/errors';
import { writeBackup } from './backup';
import { migrate } from './migrate';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export const DB_FILE = 'workbench.db';
export const APP_FOLDER = 'Sales Workbench';

/**
 * The per-user data folder, the same one the desktop app uses (Electron's userData + /data):
 * %APPDATA%\Sales Workbench\data, ~/Library/Application Support/Sales Workbench/data, ~/.config/Sales Workbench/data.
 */
export function defaultDataDir(): string {
  const home = os.homedir();
  const appData =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, APP_FOLDER, 'data');
}

export function resolveDataDir(explicit?: string): string {
  return path.resolve(explicit ?? process.env.WORKBENCH_DATA_DIR ?? defaultDataDir());
}

export interface WorkspaceOptions {
  /** Path of a better-sqlite3 build for this runtime (Electron uses its own ABI build). */
  nativeBinding?: string;
  /** Apply pending migrations (the default); workers open an already-migrated file with false. */
  migrate?: boolean;
}

/** The open company database in its data folder; reopened after a restore. */
export class Workspace {
  readonly dataDir: string;
  readonly dbPath: string;
  private handle: DB | undefined;
  private readonly options: WorkspaceOptions;
  lastMigration: { from: number; to: number } = { from: SCHEMA_VERSION, to: SCHEMA_VERSION };

  constructor(dataDir: string, options: WorkspaceOptions = {}) {
    this.dataDir = path.resolve(dataDir);
    this.dbPath = path.join(this.dataDir, DB_FILE);
    this.options = options;
    this.open();
  }

  /** The better-sqlite3 build this workspace loads (Electron's own when run by the desktop app). */
  get nativeBinding(): string | undefined {
    return this.options.nativeBinding;
  }

  get db(): DB {
    if (!this.handle) throw new WorkbenchError('db/closed');
    return this.handle;
  }

  open(): void {
    try {
      fs.mkdirSync(this.dataDir, { recursive: true });
    } catch (e) {
      throw new WorkbenchError('db/data-dir-unwritable', { dir: this.dataDir, reason: (e as Error).message });
    }
    const db = openDatabase(this.dbPath, this.options.nativeBinding, false, SCHEMA_VERSION);
    try {
      if (this.options.migrate !== false) {
        this.lastMigration = migrate(db, MIGRATIONS, () => writeBackup(db, this.dataDir, 'before-migration'));
      }
    } catch (e) {
      db.close();
      throw e;
    }
    this.handle = db;
  }

  close(): void {
    if (this.handle?.open) {
      this.handle.pragma('wal_checkpoint(TRUNCATE)');
      this.handle.close();
    }
    this.handle = undefined;
  }
}

/** Opens a database file; refuses one newer than `maxVersion` before anything is written to it. */
export function openDatabase(file: string, nativeBinding?: string, readonly = false, maxVersion?: number): DB {
  let db: DB;
  try {
    db = new Database(file, { nativeBinding, readonly, fileMustExist: readonly });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (maxVersion !== undefined && version > maxVersion) {
      db.close();
      throw new WorkbenchError('db/newer-version', { found: version, supported: maxVersion });
    }
    if (!readonly) db.pragma('journal_mode = WAL');
  } catch (e) {
    if (e instanceof WorkbenchError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new WorkbenchError('db/not-a-database', { file });
    throw e;
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // 16 MB of page cache (SQLite's default is 2 MB): a 100,000-row import's index pages stay in memory.
  db.pragma('cache_size = -16000');
  return db;
}
