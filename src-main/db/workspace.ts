import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database, { type Database as DB } from 'better-sqlite3';
import { WorkbenchError } from '../contract/errors';
import { newestGoodBackup, writeBackup } from './backup';
import { inspectDatabaseFile, type CheckLevel, type Damage } from './damage';
import { migrate } from './migrate';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type { Damage };

export const DB_FILE = 'workbench.db';
const APP_FOLDER = 'Sales Workbench';

/**
 * The per-user data folder, the same one the desktop app uses (Electron's userData + /data):
 * %APPDATA%\Sales Workbench\data, ~/Library/Application Support/Sales Workbench/data, ~/.config/Sales Workbench/data.
 */
function defaultDataDir(): string {
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

interface WorkspaceOptions {
  /** Path of a better-sqlite3 build for this runtime (Electron uses its own ABI build). */
  nativeBinding?: string;
  /** Apply pending migrations (the default); workers open an already-migrated file with false. */
  migrate?: boolean;
  /**
   * How the file is checked when it is opened (damage.ts): 'full' (the default) or 'header'; workers
   * open a file the main thread has just checked with false.
   */
  check?: CheckLevel | false;
  /** How long a write waits for another connection's write to end (SQLite busy timeout), in ms. */
  busyTimeoutMs?: number;
}

export const RESTORE_TEMP_SUFFIX = '.restoring';

/** The open company database in its data folder; reopened after a restore. */
export class Workspace {
  readonly dataDir: string;
  readonly dbPath: string;
  private handle: DB | undefined;
  private readonly options: WorkspaceOptions;
  lastMigration: { from: number; to: number } = { from: SCHEMA_VERSION, to: SCHEMA_VERSION };
  /** Set when the file on disk is damaged: `db` then refuses with db/damaged, the backups stay usable. */
  damage: Damage | undefined;
  private newestGood: { name: string } | null | undefined;

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
    if (this.damage) throw this.damagedError();
    if (!this.handle) throw new WorkbenchError('db/closed');
    return this.handle;
  }

  /** Where a restore copies the backup before it replaces the database (same folder: a rename is atomic). */
  get restoreTemp(): string {
    return this.dbPath + RESTORE_TEMP_SUFFIX;
  }

  /** db/damaged with the newest backup that passes the same check, so that every door can offer it. */
  damagedError(): WorkbenchError {
    if (this.newestGood === undefined)
      this.newestGood = newestGoodBackup(this.dataDir, SCHEMA_VERSION, this.options.nativeBinding) ?? null;
    const backup = this.newestGood?.name;
    return new WorkbenchError('db/damaged', {
      file: this.dbPath,
      reason: this.damage?.reason,
      detail: this.damage?.detail,
      backup: backup ?? null,
      ...(backup ? {} : { context: 'nobackup' }),
    });
  }

  open(): void {
    try {
      fs.mkdirSync(this.dataDir, { recursive: true });
    } catch (e) {
      throw new WorkbenchError('db/data-dir-unwritable', { dir: this.dataDir, reason: (e as Error).message });
    }
    this.damage = undefined;
    this.newestGood = undefined;
    const level = this.options.check ?? 'full';
    const checked =
      level === false ? undefined : inspectDatabaseFile(this.dbPath, this.dataDir, level, this.options.nativeBinding);
    if (checked) {
      this.damage = checked;
      return;
    }
    let db: DB;
    try {
      db = openDatabase(this.dbPath, this.options.nativeBinding, false, SCHEMA_VERSION, this.options.busyTimeoutMs);
    } catch (e) {
      if (!(e instanceof WorkbenchError && e.code === 'db/not-a-database')) throw e;
      this.damage = { reason: 'not-a-database', detail: String(e.params.detail ?? '') };
      return;
    }
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

  /**
   * A read or write met damage the check on opening did not look for (a header-level check, or damage
   * that appeared since): from now on the workspace is in recovery, like one found damaged on opening.
   */
  markDamaged(damage: Damage): void {
    if (this.handle?.open) this.handle.close();
    this.handle = undefined;
    this.damage = damage;
    this.newestGood = undefined;
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
function openDatabase(
  file: string,
  nativeBinding?: string,
  readonly = false,
  maxVersion?: number,
  busyTimeoutMs = 5000,
): DB {
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
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new WorkbenchError('db/not-a-database', { file, detail: (e as Error).message });
    throw e;
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  immediateTransactions(db);
  // 16 MB of page cache (SQLite's default is 2 MB): a 100,000-row import's index pages stay in memory.
  db.pragma('cache_size = -16000');
  return db;
}

/**
 * Every db.transaction(fn) of this connection starts with BEGIN IMMEDIATE (issue 17, item 4): a deferred
 * transaction that reads and then writes fails at once with "database is locked" when another
 * connection wrote in between, whatever the busy timeout; an immediate one waits for the lock first.
 * Nested calls still become savepoints (better-sqlite3 does that for every variant).
 */
function immediateTransactions(db: DB): void {
  const plain = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<DB['transaction']>[0]) => plain(fn).immediate) as DB['transaction'];
}
