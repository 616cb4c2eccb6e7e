import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../contract/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** True when the file has never been migrated (a brand-new database). */
export function isBlank(db: Database): boolean {
  return schemaVersion(db) === 0 && (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n === 0;
}

/**
 * Applies the pending migrations in one transaction that also sets `user_version`.
 * Refuses a database written by a newer workbench. `beforeMigrate` runs only when something is pending
 * on an existing database (the caller takes its backup there).
 */
export function migrate(db: Database, migrations: readonly Migration[], beforeMigrate?: (from: number, to: number) => void): { from: number; to: number } {
  const latest = migrations[migrations.length - 1].version;
  const from = schemaVersion(db);
  if (from > latest) throw new WorkbenchError('db/newer-version', { found: from, supported: latest });
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  if (from > 0) beforeMigrate?.(from, latest);
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: latest };
}
