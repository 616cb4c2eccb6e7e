import type { Database, Statement } from 'better-sqlite3';
import type { ServiceContext } from '../context';

/** How often (in rows) the demo reports progress and looks for a cancel request. */
const REPORT_EVERY = 20_000;

/**
 * Progress of the whole demo across its phases. Reports every ~20k rows and at each phase change, and
 * checks for cancellation at the same points: a cancel throws inside the transaction, which rolls back.
 */
export class DemoProgress {
  private done = 0;
  private lastReport = 0;
  private phaseKey = 'progress.start';

  constructor(
    private readonly ctx: ServiceContext,
    private readonly total: number,
  ) {}

  phase(key: string): void {
    this.phaseKey = key;
    this.report();
  }

  advance(rows: number): void {
    this.done += rows;
    if (this.done - this.lastReport >= REPORT_EVERY) this.report();
  }

  finish(): void {
    this.done = this.total;
    this.report();
  }

  private report(): void {
    this.lastReport = this.done;
    this.ctx.checkCancelled();
    this.ctx.progress(Math.min(this.done, this.total), this.total, this.phaseKey);
  }
}

/**
 * Inserts many rows with one multi-row INSERT per batch, reusing a single parameter array, so that a
 * million rows cost a few thousand statement calls and no per-row arrays. Usage: `const o = ins.row();`
 * then fill `ins.p[o]`, `ins.p[o + 1]`… in column order; `ins.end()` writes the last partial batch.
 * With a `parent` (e.g. the responses of a survey's answers), the parent's pending rows are written
 * first, so references hold at every statement even with foreign keys on.
 */
export class BulkInsert {
  readonly p: unknown[];
  /** Rows written so far. */
  count = 0;
  private pending = 0;
  private readonly width: number;
  private readonly statements = new Map<number, Statement>();

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly progress: DemoProgress,
    private readonly batch = 100,
    private readonly parent?: BulkInsert,
  ) {
    this.width = columns.length;
    this.p = new Array<unknown>(this.width * batch).fill(null);
  }

  /** Reserves the next row and returns the offset of its first value in `p`. */
  row(): number {
    if (this.pending === this.batch) this.flush();
    return this.pending++ * this.width;
  }

  /** Writes what is pending and returns the number of rows written in all. */
  end(): number {
    this.flush();
    return this.count;
  }

  private flush(): void {
    if (this.pending === 0) return;
    this.parent?.flush();
    const n = this.pending;
    this.statement(n).run(n === this.batch ? this.p : this.p.slice(0, n * this.width));
    this.count += n;
    this.pending = 0;
    this.progress.advance(n);
  }

  private statement(rows: number): Statement {
    let stmt = this.statements.get(rows);
    if (!stmt) {
      const one = `(${this.columns.map(() => '?').join(', ')})`;
      stmt = this.db.prepare(
        `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array(rows).fill(one).join(', ')}`,
      );
      this.statements.set(rows, stmt);
    }
    return stmt;
  }
}

/**
 * Drops the secondary indexes of the bulk tables (their exact SQL is kept) and returns a function that
 * builds them again: sorting once at the end is several times faster than keeping random-order indexes
 * up to date row by row. Both happen inside the demo's transaction, so a rollback restores them.
 */
export function deferIndexes(db: Database, tables: readonly string[]): { name: string; sql: string }[] {
  const rows = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const r of rows) db.exec(`DROP INDEX "${r.name.replace(/"/g, '""')}"`);
  return rows;
}
