import type { Database, Statement } from 'better-sqlite3';
import type { ChangeLog } from './types';

/**
 * Insert-or-update of one row by natural key, logging the change for undo. Only values the sheet
 * gives (non-null) are written: a blank cell never erases what the database holds, so importing the
 * same file twice, or an exported file, changes nothing.
 */
type UpsertAction = 'inserted' | 'updated' | 'unchanged';

export class Upserter {
  private readonly cache = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly changes: ChangeLog,
  ) {}

  private readonly inserts = new Map<string, { cols: string[]; stmt: Statement }[]>();

  /** One prepared statement per table and column list, found without building SQL text per row. */
  private insertStatement(table: string, cols: string[]): Statement {
    let list = this.inserts.get(table);
    if (!list) this.inserts.set(table, (list = []));
    for (const e of list) if (e.cols.length === cols.length && e.cols.every((c, i) => c === cols[i])) return e.stmt;
    const stmt = this.db.prepare(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${'?, '.repeat(cols.length - 1)}?)`,
    );
    list.push({ cols, stmt });
    return stmt;
  }

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /**
   * Inserts a row of `values` (and `extra`, e.g. created_at, written on insert only; an `extra` column
   * that `values` holds as null is its default for a new row); returns its id.
   */
  insert(table: string, values: Record<string, unknown>, extra?: Record<string, unknown>): number {
    const cols = Object.keys(values);
    const args: unknown[] = [];
    for (const c of cols) args.push(values[c] ?? extra?.[c] ?? null);
    if (extra) {
      for (const c of Object.keys(extra)) {
        if (c in values) continue;
        cols.push(c);
        args.push(extra[c] ?? null);
      }
    }
    const { lastInsertRowid } = this.insertStatement(table, cols).run(args);
    const id = Number(lastInsertRowid);
    this.changes.inserted(table, id);
    return id;
  }

  /** Updates the columns whose new value differs (null values are left alone); returns whether anything changed. */
  update(table: string, existing: Record<string, unknown> & { id: number }, values: Record<string, unknown>): boolean {
    const diff = Object.keys(values).filter(
      (c) => values[c] !== null && values[c] !== undefined && !same(values[c], existing[c]),
    );
    if (!diff.length) return false;
    const old: Record<string, unknown> = {};
    for (const c of diff) old[c] = existing[c] ?? null;
    this.stmt(`UPDATE ${table} SET ${diff.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run([
      ...diff.map((c) => values[c]),
      existing.id,
    ]);
    this.changes.updated(table, existing.id, old);
    return true;
  }

  upsert(
    table: string,
    existing: (Record<string, unknown> & { id: number }) | undefined,
    values: Record<string, unknown>,
    onInsert: Record<string, unknown> = {},
  ): { id: number; action: UpsertAction } {
    if (!existing) return { id: this.insert(table, values, onInsert), action: 'inserted' };
    return { id: existing.id, action: this.update(table, existing, values) ? 'updated' : 'unchanged' };
  }
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (typeof a === 'boolean') return (a ? 1 : 0) === b;
  return a === b;
}
