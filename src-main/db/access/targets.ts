import type { Database, Statement } from 'better-sqlite3';

/**
 * The target cells (P2.1, P2.2) as the other domains read them (home, sales reports, plans, the
 * appraisal): one home for these reads, so that a change to the table touches this file and the
 * targets service only. The targets service keeps its own reads and writes of its plan.
 *
 * Amounts are integer fen. Periods are 'Y', 'Q1'..'Q4' and 'M1'..'M12'; scope 'company' has id 0.
 */
export type TargetScope = 'company' | 'team' | 'person';

export interface TargetCellAmount {
  scope: TargetScope;
  /** the team's or the person's id; 0 for the company */
  id: number;
  amount: number;
}

interface Statements {
  period: Statement<[number, string]>;
  periodOfScope: Statement<[number, string, string]>;
  people: Statement<[number, string]>;
  somePeople: Statement<[number, string, string]>;
}

// Prepared once per connection: a restored backup opens a new connection, and with it new statements.
const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      period: db.prepare(
        "SELECT scope, scope_id AS id, amount FROM target_cells WHERE year = ? AND period = ? AND metric = 'sales'",
      ),
      periodOfScope: db.prepare(
        "SELECT scope, scope_id AS id, amount FROM target_cells WHERE year = ? AND scope = ? AND period = ? AND metric = 'sales'",
      ),
      people: db
        .prepare(
          `SELECT scope_id, sum(amount) FROM target_cells WHERE year = ? AND scope = 'person' AND metric = 'sales'
           AND period IN (SELECT value FROM json_each(?)) GROUP BY scope_id`,
        )
        .raw(),
      somePeople: db
        .prepare(
          `SELECT scope_id, sum(amount) FROM target_cells WHERE year = ? AND scope = 'person' AND metric = 'sales'
           AND period IN (SELECT value FROM json_each(?)) AND scope_id IN (SELECT value FROM json_each(?)) GROUP BY scope_id`,
        )
        .raw(),
    };
    prepared.set(db, s);
  }
  return s;
}

/** The sales target cells of one period of a year, of every scope or of one. */
export const salesTargetsOfPeriod = (
  db: Database,
  year: number,
  period: string,
  scope?: TargetScope,
): TargetCellAmount[] =>
  (scope === undefined
    ? statements(db).period.all(year, period)
    : statements(db).periodOfScope.all(year, scope, period)) as TargetCellAmount[];

/**
 * Each person's sales target over some periods of a year (the sum of those cells), by person id in id
 * order; `ids` limits it to those people. A person with cells of 0 has an entry of 0.
 */
export function personSalesTargets(
  db: Database,
  year: number,
  periods: readonly string[],
  ids?: readonly number[],
): Map<number, number> {
  const list = JSON.stringify(periods);
  const rows = (
    ids === undefined
      ? statements(db).people.all(year, list)
      : statements(db).somePeople.all(year, list, JSON.stringify(ids))
  ) as [number, number][];
  return new Map(rows);
}
