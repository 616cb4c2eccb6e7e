import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../contract/errors';
import type { Workspace } from '../db/workspace';

/** Operations that must run outside a transaction (VACUUM INTO, closing and reopening the file). */
const OWN_TRANSACTION = new Set(['backup/create', 'backup/restore']);
const POLL_MS = 25;
const MAX_WAIT_MS = 15 * 60_000;

const turns = new WeakMap<Workspace, Promise<void>>();

/**
 * Runs a short write of the window or browser mode while a long job (an import in a worker thread,
 * with its own connection and one long transaction) may hold SQLite's write lock (issue 17, item 4).
 * Waiting in SQLite's busy handler would freeze this thread, and give up after the busy timeout; here
 * the wait is asynchronous: `BEGIN IMMEDIATE` is tried without a timeout every few milliseconds, the
 * event loop (progress events, other reads) keeps running, and once the lock is ours the operation
 * runs inside that transaction (its own transactions become savepoints), so no other writer can slip
 * in between. The import keeps its all-or-nothing transaction; the edit simply lands after it.
 * Writes of this thread take turns, so that one never begins inside another's transaction.
 */
export async function inWriteTurn<T>(
  ws: Workspace,
  name: string,
  run: () => T | Promise<T>,
  maxWaitMs = MAX_WAIT_MS,
): Promise<T> {
  const before = turns.get(ws) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  turns.set(
    ws,
    before.then(() => mine),
  );
  await before;
  try {
    if (ws.damage) return await run();
    const db = ws.db;
    await beginImmediate(db, maxWaitMs);
    if (OWN_TRANSACTION.has(name)) {
      // The lock was free a moment ago: give it back and let the operation take it itself.
      db.exec('ROLLBACK');
      return await run();
    }
    try {
      const value = await run();
      db.exec('COMMIT');
      return value;
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  } finally {
    done();
  }
}

async function beginImmediate(db: Database, maxWaitMs: number): Promise<void> {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  const started = Date.now();
  for (;;) {
    db.pragma('busy_timeout = 0');
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
    if (Date.now() - started > maxWaitMs)
      throw new WorkbenchError('db/busy', { seconds: Math.round(maxWaitMs / 1000) });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
