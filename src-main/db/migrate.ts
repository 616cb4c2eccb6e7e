import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../contract/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * The migration rebuilds a table other tables reference (create new, copy, drop, rename): it runs with
   * foreign keys off, as SQLite's own procedure asks, and PRAGMA foreign_key_check must find nothing
   * before the transaction commits.
   */
  foreignKeysOff?: true;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the pending migrations in one transaction that also sets `user_version`.
 * Refuses a database written by a newer workbench. `beforeMigrate` runs only when something is pending
 * on an existing database (the caller takes its backup there). When a pending migration asks for
 * foreign keys off, they are turned off before the transaction (the pragma does nothing inside one),
 * checked with foreign_key_check before it commits, and restored afterwards, also on failure.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[],
  beforeMigrate?: (from: number, to: number) => void,
): { from: number; to: number } {
  // Versions only grow, but need not be consecutive (2 and 3 were never given out: migrations/index.ts).
  // A list out of order would skip a migration on some databases and run one twice on others.
  migrations.forEach((m, i) => {
    const previous = i === 0 ? 0 : migrations[i - 1].version;
    if (!Number.isInteger(m.version) || m.version <= previous)
      throw new Error(`migrations out of order: version ${m.version} (${m.name}) after ${previous}`);
  });
  const latest = migrations[migrations.length - 1].version;
  const from = schemaVersion(db);
  if (from > latest) throw new WorkbenchError('db/newer-version', { found: from, supported: latest });
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  if (from > 0) beforeMigrate?.(from, latest);
  const fkOff = pending.some((m) => m.foreignKeysOff);
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (fkOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }
      if (fkOff) {
        const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
        if (broken.length) {
          const b = broken[0];
          throw new Error(
            `migration to ${latest} leaves ${broken.length} broken references (first: ${b.table} row ${b.rowid} → ${b.parent})`,
          );
        }
      }
    })();
  } finally {
    if (fkOff) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return { from, to: latest };
}
