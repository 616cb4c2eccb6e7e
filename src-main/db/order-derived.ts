import type { Database } from 'better-sqlite3';

/**
 * What migrations 009 and 017 derive from the order lines: the monthly totals per salesperson, the order
 * numbers' rare characters, the count of orders and the order numbers' trigram index. Triggers keep them
 * in step row by row; a bulk load of a million lines instead drops the triggers, writes, and derives them
 * once at the end.
 */
export function rebuildOrderDerived(db: Database): void {
  db.exec(`
INSERT OR IGNORE INTO order_no_rare_chars (ch)
  SELECT substr(o.order_no, i, 1) FROM (WITH RECURSIVE n(id, i) AS (
      SELECT id, 1 FROM orders WHERE order_no GLOB '*[^ -~]*'
      UNION ALL SELECT n.id, i + 1 FROM n JOIN orders o ON o.id = n.id WHERE i < length(o.order_no)) SELECT id, i FROM n) x
  JOIN orders o ON o.id = x.id WHERE substr(o.order_no, i, 1) GLOB '[^ -~]';
UPDATE order_count SET orders = (SELECT count(DISTINCT order_no) FROM orders);
DELETE FROM order_month_totals;
INSERT INTO order_month_totals (month, salesperson_id, lines, sales, profit)
  SELECT substr(date, 1, 7), coalesce(salesperson_id, 0), count(*), sum(amount), sum(coalesce(profit, 0)) FROM orders GROUP BY 1, 2;
INSERT INTO order_no_trigrams (order_no_trigrams) VALUES ('rebuild');
DELETE FROM order_no_trigrams_pending;`);
}

/**
 * Brings the order numbers' trigram index up to date with the lines noted as written since (migration
 * 017): what the index holds for them goes, their numbers now go in, in two statements. A writer of many
 * lines (an import, its undo) calls it at the end of its transaction; the search is exact without it,
 * only slower by the lines still noted.
 */
export function syncOrderTrigrams(db: Database): void {
  const pending = db.prepare('SELECT EXISTS (SELECT 1 FROM order_no_trigrams_pending)').pluck().get() as number;
  if (!pending) return;
  db.exec(`
INSERT INTO order_no_trigrams (order_no_trigrams, rowid, order_no)
  SELECT 'delete', id, old_no FROM order_no_trigrams_pending WHERE indexed = 1;
INSERT INTO order_no_trigrams (rowid, order_no)
  SELECT o.id, o.order_no FROM order_no_trigrams_pending p JOIN orders o ON o.id = p.id;
DELETE FROM order_no_trigrams_pending;`);
}

/**
 * Drops the triggers on `orders` (their exact SQL is kept) and returns a function that derives
 * again and creates the triggers again. Call both inside one transaction, so that a rollback restores
 * the triggers too.
 */
export function suspendOrderTriggers(db: Database): () => void {
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' ORDER BY name")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`);
  return () => {
    rebuildOrderDerived(db);
    for (const t of triggers) db.exec(t.sql);
  };
}

/**
 * The triggers that fire on each inserted line: migration 009's three and migration 017's note for the
 * trigram index (the update and delete ones are left in place). The note alone cost ≈ 6 s per 100,000
 * lines inserted one by one, four times the inserts themselves.
 */
const INSERT_TRIGGERS = [
  'order_count_insert',
  'order_month_totals_insert',
  'order_no_rare_chars_insert',
  'order_no_trigrams_insert',
];

/** What deferOrderInsertTriggers hands the writer of many order lines. */
export interface BulkOrderLines {
  /** Whether a line was inserted since the triggers were dropped (such a line must not be updated). */
  isNew(id: number): boolean;
  /**
   * With `tallied`, the writer calls this for every line it inserts (its date, salesperson id, amount
   * and profit as stored), and the monthly totals are added from these counts instead of from the table.
   */
  tally(date: string, salespersonId: number | null, amount: number, profit: number | null): void;
  /** Derives what the triggers would have, builds the dropped indexes and creates the triggers again. */
  resume(): void;
}

/**
 * For a bulk insert of order lines inside one transaction (a 100,000-line import): drops the four
 * AFTER INSERT triggers, whose per-line work (a statement journal for each line among it) cost more
 * than the inserts themselves, and returns a function that adds, in set-based statements, what they
 * would have added for the lines inserted since (every id above the largest before, since rowids only
 * grow within a transaction that deletes nothing), then creates them again with their exact SQL.
 *
 * When the lines to come (`expected`) are at least as many as the ids already given, the secondary
 * indexes of `orders` go too (the unique index of order number + line stays: the writer looks lines up
 * by it) and are created again at the end: sorting every line once costs about a third of adding
 * 100,000 lines to six indexes one by one, while for a few lines into a large table the one-by-one way
 * is cheaper.
 *
 * Call both inside the same transaction: a rollback restores the triggers and the indexes too. Between
 * the two calls the caller may update older lines (their update triggers still fire) but must not
 * update or delete a line it inserted, which the derivation would then count wrongly; `isNew(id)` tells
 * them apart.
 */
export function deferOrderInsertTriggers(
  db: Database,
  { expected = 0, tallied = false }: { expected?: number; tallied?: boolean } = {},
): BulkOrderLines {
  const before = db.prepare('SELECT coalesce(max(id), 0) FROM orders').pluck().get() as number;
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders' AND name IN (${INSERT_TRIGGERS.map(() => '?').join(', ')}) ORDER BY name`,
    )
    .all(...INSERT_TRIGGERS) as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  // An index SQLite made for a constraint has no SQL and cannot be dropped; every other one is rebuilt.
  const indexes =
    expected >= before
      ? (db
          .prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL ORDER BY name",
          )
          .all() as { name: string; sql: string }[])
      : [];
  for (const x of indexes) db.exec(`DROP INDEX "${x.name.replace(/"/g, '""')}"`);
  const names = new Set(triggers.map((t) => t.name));
  const totals = new Map<string, { month: string; person: number; lines: number; sales: number; profit: number }>();
  return {
    isNew: (id) => id > before,
    tally(date, salespersonId, amount, profit) {
      const month = date.slice(0, 7);
      const person = salespersonId ?? 0;
      const key = `${month}|${person}`;
      const t = totals.get(key);
      if (t) {
        t.lines++;
        t.sales += amount;
        t.profit += profit ?? 0;
      } else totals.set(key, { month, person, lines: 1, sales: amount, profit: profit ?? 0 });
    },
    resume() {
      if (names.has('order_no_rare_chars_insert'))
        db.prepare(
          `INSERT OR IGNORE INTO order_no_rare_chars (ch)
             SELECT substr(o.order_no, x.i, 1) FROM (WITH RECURSIVE n(id, i) AS (
                 SELECT id, 1 FROM orders WHERE id > ? AND order_no GLOB '*[^ -~]*'
                 UNION ALL SELECT n.id, i + 1 FROM n JOIN orders o ON o.id = n.id WHERE i < length(o.order_no)) SELECT id, i FROM n) x
             JOIN orders o ON o.id = x.id WHERE substr(o.order_no, x.i, 1) GLOB '[^ -~]'`,
        ).run(before);
      // A line adds an order when no other line had its number: the new numbers no older line has.
      if (names.has('order_count_insert'))
        db.prepare(
          `UPDATE order_count SET orders = orders + (SELECT count(DISTINCT n.order_no) FROM orders n
             WHERE n.id > ? AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_no = n.order_no AND o.id <= ?))`,
        ).run(before, before);
      const onConflict =
        'ON CONFLICT DO UPDATE SET lines = lines + excluded.lines, sales = sales + excluded.sales, profit = profit + excluded.profit';
      if (names.has('order_month_totals_insert') && tallied) {
        // The writer counted its lines as it inserted them: a few dozen rows instead of grouping them again.
        const add = db.prepare(
          `INSERT INTO order_month_totals (month, salesperson_id, lines, sales, profit) VALUES (?, ?, ?, ?, ?) ${onConflict}`,
        );
        for (const t of totals.values()) add.run(t.month, t.person, t.lines, t.sales, t.profit);
      } else if (names.has('order_month_totals_insert'))
        db.prepare(
          `INSERT INTO order_month_totals (month, salesperson_id, lines, sales, profit)
             SELECT substr(date, 1, 7), coalesce(salesperson_id, 0), count(*), sum(amount), sum(coalesce(profit, 0))
             FROM orders WHERE id > ? GROUP BY 1, 2 ${onConflict}`,
        ).run(before);
      // The new lines go straight into the trigram index in one statement, instead of being noted for the
      // writer's syncOrderTrigrams. An id already noted (a line deleted before and its id given again)
      // stays with its note: the sync takes out what the index holds for it and puts the new number in.
      if (names.has('order_no_trigrams_insert'))
        db.prepare(
          `INSERT INTO order_no_trigrams (rowid, order_no) SELECT id, order_no FROM orders
             WHERE id > ? AND id NOT IN (SELECT id FROM order_no_trigrams_pending)`,
        ).run(before);
      for (const x of indexes) db.exec(x.sql);
      for (const t of triggers) db.exec(t.sql);
    },
  };
}
