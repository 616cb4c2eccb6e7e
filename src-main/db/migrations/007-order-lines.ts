import type { Migration } from '../migrate';

/**
 * P2.6: an order has lines. Sheets hold one row per order line (the same order number on several rows,
 * each with its own product, quantity, price and amount), so an order row becomes an order line:
 * `line` (1, 2, 3…) and UNIQUE (order_no, line) instead of order_no UNIQUE. SQLite cannot drop a UNIQUE
 * constraint, so the table is rebuilt (new table, copy with the same ids as line 1, drop, rename,
 * indexes again); tickets and survey responses reference orders(id), hence foreign keys off meanwhile.
 */
export const migration007: Migration = {
  version: 7,
  name: 'order lines',
  foreignKeysOff: true,
  sql: `
CREATE TABLE orders_new (
  id INTEGER PRIMARY KEY,
  order_no TEXT NOT NULL,
  line INTEGER NOT NULL DEFAULT 1 CHECK (line >= 1),
  date TEXT NOT NULL,
  customer_id INTEGER REFERENCES customers(id),
  salesperson_id INTEGER REFERENCES staff(id),
  product_id INTEGER REFERENCES products(id),
  quantity REAL NOT NULL DEFAULT 1,
  unit_price INTEGER NOT NULL DEFAULT 0,
  amount INTEGER NOT NULL,
  profit INTEGER,
  channel TEXT,
  import_id INTEGER REFERENCES imports(id),
  UNIQUE (order_no, line)
) STRICT;
INSERT INTO orders_new (id, order_no, line, date, customer_id, salesperson_id, product_id, quantity, unit_price, amount, profit, channel, import_id)
  SELECT id, order_no, 1, date, customer_id, salesperson_id, product_id, quantity, unit_price, amount, profit, channel, import_id FROM orders;
DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
CREATE INDEX orders_date ON orders(date);
CREATE INDEX orders_salesperson_date ON orders(salesperson_id, date);
CREATE INDEX orders_customer ON orders(customer_id);
`,
};
