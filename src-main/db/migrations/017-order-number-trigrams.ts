import type { Migration } from '../migrate';

/**
 * Issue 12 item 10 (P2.6 actual sales): the orders' quick search finds an order number from any three
 * of its characters in a row through a trigram index, instead of reading the million order numbers of
 * the (order_no, line) index for every search (≈ 200 ms, 350 ms on a busy machine; ≈ 1 ms through it).
 *
 * - `order_no_trigrams`: FTS5 over `orders.order_no` with external content (the numbers stay in
 *   `orders`; the index holds which lines have which trigrams, `detail=none` without positions, and FTS5
 *   checks each candidate's number against the LIKE pattern itself). 24 MB for a million lines.
 * - `order_no_trigrams_pending`: the lines written since the index was last brought up to date, with
 *   what the index holds for each (`indexed` = 1 and the number it was indexed under, or 0 for a line it
 *   does not have). Triggers only note lines here: indexing them one statement at a time cost an import
 *   of 100,000 lines more than half its writing time again (FTS5 writes out its pending terms at every
 *   statement), where one statement at the end of the import costs a few per cent
 *   (`syncOrderTrigrams`, db/order-derived.ts). The search reads the index and these lines, so it is
 *   exact whether or not the index has caught up.
 *
 * Only services/records/order-search.ts reads them. A bulk loader that suspends the triggers rebuilds
 * the index (db/order-derived.ts). A migration that rebuilds `orders` must create the triggers again
 * and rebuild the index.
 */
export const migration017: Migration = {
  version: 17,
  name: 'order number trigram index',
  sql: `
CREATE VIRTUAL TABLE order_no_trigrams USING fts5(order_no, content='orders', content_rowid='id', tokenize='trigram', detail='none');
INSERT INTO order_no_trigrams (order_no_trigrams) VALUES ('rebuild');
CREATE TABLE order_no_trigrams_pending (
  id INTEGER PRIMARY KEY,
  indexed INTEGER NOT NULL CHECK (indexed IN (0, 1)),
  old_no TEXT
) STRICT;
CREATE TRIGGER order_no_trigrams_insert AFTER INSERT ON orders BEGIN
  INSERT OR IGNORE INTO order_no_trigrams_pending (id, indexed, old_no) VALUES (new.id, 0, NULL);
END;
CREATE TRIGGER order_no_trigrams_delete AFTER DELETE ON orders BEGIN
  INSERT OR IGNORE INTO order_no_trigrams_pending (id, indexed, old_no) VALUES (old.id, 1, old.order_no);
END;
CREATE TRIGGER order_no_trigrams_update AFTER UPDATE OF id, order_no ON orders BEGIN
  INSERT OR IGNORE INTO order_no_trigrams_pending (id, indexed, old_no) VALUES (old.id, 1, old.order_no);
  INSERT OR IGNORE INTO order_no_trigrams_pending (id, indexed, old_no) VALUES (new.id, 0, NULL);
END;
`,
};
