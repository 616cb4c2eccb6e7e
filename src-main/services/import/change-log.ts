import type { Database } from 'better-sqlite3';
import type { ChangeLog } from './kinds/types';

/**
 * The record of what one import wrote (table import_changes), from which the whole import is undone
 * (history.ts). Inserted ids come in runs (100,000 new orders are ids n…n+99,999): each run is one change
 * record {row_id: first, old_row: {"through": last}} instead of one record per row; an update keeps the
 * row's old values. Call `flush()` before the transaction ends.
 */
export function openChangeLog(db: Database, importId: number): ChangeLog & { flush(): void } {
  const log = db.prepare(
    'INSERT INTO import_changes (import_id, seq, table_name, row_id, action, old_row) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let seq = 0;
  const runs = new Map<string, { from: number; to: number }>();
  const flushTable = (table: string) => {
    const r = runs.get(table);
    if (!r) return;
    log.run(importId, ++seq, table, r.from, 'insert', r.to > r.from ? JSON.stringify({ through: r.to }) : null);
    runs.delete(table);
  };
  return {
    inserted(table, rowId) {
      const r = runs.get(table);
      if (r && rowId === r.to + 1) r.to = rowId;
      else {
        flushTable(table);
        runs.set(table, { from: rowId, to: rowId });
      }
    },
    updated(table, rowId, oldRow) {
      log.run(importId, ++seq, table, rowId, 'update', JSON.stringify(oldRow));
    },
    flush() {
      for (const table of [...runs.keys()]) flushTable(table);
    },
  };
}
