import type { Database } from 'better-sqlite3';

/**
 * What migrations 009 and 018 derive from the order lines: the monthly totals per salesperson, the order
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
 * 018): what the index holds for them goes, their numbers now go in, in two statements. A writer of many
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
