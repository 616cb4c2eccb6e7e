import type { Migration } from '../migrate';

/**
 * Issue 12 items 10–11 (P2.6 actual sales): the orders' quick search and the home screen's figures
 * answer from indexes on a million order lines instead of reading every line.
 *
 * - `orders_product`: the quick search finds names in the small staff, customer and product tables and
 *   then their lines by id (services/records/order-search.ts); the other two ids are indexed since 001.
 * - `order_no_rare_chars`: every character outside printable ASCII that occurs in some order number
 *   (never shrinks, so it may only say too much). A search for 史燕 skips reading the order numbers
 *   when 史 appears in none. A trigram FTS5 index of the order numbers was measured and left out: on a
 *   million lines each new line cost ~0.15 ms to index (an import of 100,000 lines ~15 s longer).
 * - `order_month_totals`: each month's lines, sales and profit per salesperson (0 when none), in fen.
 *   The dashboard's totals, its leaders and its teams are sums over these rows.
 * - `order_count`: the number of distinct order numbers, which the window asks for at every start and
 *   after every change (system/info), instead of counting a million lines each time.
 *
 * Triggers keep both in step with every write to `orders` (import, undo, edit, delete), so no
 * write path can forget them. Bulk loaders may drop them and rebuild (`db/order-derived.ts`).
 */
export const migration009: Migration = {
  version: 9,
  name: 'order search index and monthly totals',
  sql: `
CREATE INDEX orders_product ON orders(product_id);
CREATE TABLE order_month_totals (
  month TEXT NOT NULL,
  salesperson_id INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  sales INTEGER NOT NULL,
  profit INTEGER NOT NULL,
  PRIMARY KEY (month, salesperson_id)
) STRICT, WITHOUT ROWID;
INSERT INTO order_month_totals (month, salesperson_id, lines, sales, profit)
  SELECT substr(date, 1, 7), coalesce(salesperson_id, 0), count(*), sum(amount), sum(coalesce(profit, 0)) FROM orders GROUP BY 1, 2;
CREATE TABLE order_no_rare_chars (ch TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
WITH RECURSIVE n(id, i) AS (
  SELECT id, 1 FROM orders WHERE order_no GLOB '*[^ -~]*'
  UNION ALL SELECT n.id, i + 1 FROM n JOIN orders o ON o.id = n.id WHERE i < length(o.order_no))
INSERT OR IGNORE INTO order_no_rare_chars (ch)
  SELECT substr(o.order_no, i, 1) FROM n JOIN orders o ON o.id = n.id WHERE substr(o.order_no, i, 1) GLOB '[^ -~]';
CREATE TRIGGER order_no_rare_chars_insert AFTER INSERT ON orders WHEN new.order_no GLOB '*[^ -~]*' BEGIN
  INSERT OR IGNORE INTO order_no_rare_chars (ch)
    SELECT substr(new.order_no, i, 1) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < length(new.order_no)) SELECT i FROM n)
    WHERE substr(new.order_no, i, 1) GLOB '[^ -~]';
END;
CREATE TRIGGER order_no_rare_chars_update AFTER UPDATE OF order_no ON orders WHEN new.order_no GLOB '*[^ -~]*' BEGIN
  INSERT OR IGNORE INTO order_no_rare_chars (ch)
    SELECT substr(new.order_no, i, 1) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < length(new.order_no)) SELECT i FROM n)
    WHERE substr(new.order_no, i, 1) GLOB '[^ -~]';
END;
CREATE TABLE order_count (id INTEGER PRIMARY KEY CHECK (id = 1), orders INTEGER NOT NULL) STRICT;
INSERT INTO order_count (id, orders) SELECT 1, count(DISTINCT order_no) FROM orders;
CREATE TRIGGER order_count_insert AFTER INSERT ON orders WHEN NOT EXISTS (SELECT 1 FROM orders WHERE order_no = new.order_no AND id <> new.id) BEGIN
  UPDATE order_count SET orders = orders + 1;
END;
CREATE TRIGGER order_count_delete AFTER DELETE ON orders WHEN NOT EXISTS (SELECT 1 FROM orders WHERE order_no = old.order_no) BEGIN
  UPDATE order_count SET orders = orders - 1;
END;
CREATE TRIGGER order_count_update AFTER UPDATE OF order_no ON orders WHEN old.order_no IS NOT new.order_no BEGIN
  UPDATE order_count SET orders = orders
    + (NOT EXISTS (SELECT 1 FROM orders WHERE order_no = new.order_no AND id <> new.id))
    - (NOT EXISTS (SELECT 1 FROM orders WHERE order_no = old.order_no));
END;
CREATE TRIGGER order_month_totals_insert AFTER INSERT ON orders BEGIN
  INSERT INTO order_month_totals (month, salesperson_id, lines, sales, profit)
    VALUES (substr(new.date, 1, 7), coalesce(new.salesperson_id, 0), 1, new.amount, coalesce(new.profit, 0))
    ON CONFLICT DO UPDATE SET lines = lines + 1, sales = sales + excluded.sales, profit = profit + excluded.profit;
END;
CREATE TRIGGER order_month_totals_delete AFTER DELETE ON orders BEGIN
  UPDATE order_month_totals SET lines = lines - 1, sales = sales - old.amount, profit = profit - coalesce(old.profit, 0)
    WHERE month = substr(old.date, 1, 7) AND salesperson_id = coalesce(old.salesperson_id, 0);
  DELETE FROM order_month_totals WHERE month = substr(old.date, 1, 7) AND salesperson_id = coalesce(old.salesperson_id, 0) AND lines = 0;
END;
CREATE TRIGGER order_month_totals_update AFTER UPDATE OF date, salesperson_id, amount, profit ON orders BEGIN
  UPDATE order_month_totals SET lines = lines - 1, sales = sales - old.amount, profit = profit - coalesce(old.profit, 0)
    WHERE month = substr(old.date, 1, 7) AND salesperson_id = coalesce(old.salesperson_id, 0);
  DELETE FROM order_month_totals WHERE month = substr(old.date, 1, 7) AND salesperson_id = coalesce(old.salesperson_id, 0) AND lines = 0;
  INSERT INTO order_month_totals (month, salesperson_id, lines, sales, profit)
    VALUES (substr(new.date, 1, 7), coalesce(new.salesperson_id, 0), 1, new.amount, coalesce(new.profit, 0))
    ON CONFLICT DO UPDATE SET lines = lines + 1, sales = sales + excluded.sales, profit = profit + excluded.profit;
END;
`,
};
