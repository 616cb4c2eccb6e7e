import type { Database } from 'better-sqlite3';

/**
 * The orders grid's quick search (P2.6) on a million order lines, with the same matches as the plain
 * `order_no / customer / salesperson / product LIKE '%text%'` it replaces (issue 12 item 10): names are
 * found in the small staff, customer and product tables, and their lines through the indexed ids; order
 * numbers through the narrow (order_no, line) index. Any text length works the same, so two-character
 * Chinese names too.
 */

/** Above this many candidate lines the search reads the lines in date order instead of by id. */
const FEW_LINES = 20_000;

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface SearchClause {
  sql: string;
  params: unknown[];
}

const ids = (db: Database, sql: string, like: string) => db.prepare(sql).pluck().all(like) as number[];

/** Lines counted through an index, stopping at `cap` (enough to choose a plan). */
function linesUpTo(db: Database, column: string, list: number[], cap: number): number {
  if (list.length === 0) return 0;
  return db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM orders WHERE ${column} IN (SELECT value FROM json_each(?)) LIMIT ?)`)
    .pluck()
    .get(JSON.stringify(list), cap) as number;
}

/** False when some character of `search` outside printable ASCII occurs in no order number (migration 009). */
function mayBeInOrderNumbers(db: Database, search: string): boolean {
  const rare = [...new Set(search)].filter((ch) => !/^[ -~]$/.test(ch));
  if (rare.length === 0) return true;
  const known = db
    .prepare('SELECT count(*) FROM order_no_rare_chars WHERE ch IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(rare)) as number;
  return known === rare.length;
}

/** The text's distinct trigrams as an FTS5 query that all must match (no phrase: the index keeps no positions). */
function trigramQuery(search: string): string | null {
  if (!/^[ -~]{3,}$/.test(search)) return null;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= search.length; i++) grams.add(`"${search.slice(i, i + 3).replace(/"/g, '""')}"`);
  return [...grams].join(' AND ');
}

/**
 * Ids of the lines (at most `limit`) whose order number contains `search`. Three or more printable ASCII
 * characters are looked up in the trigram index (migration 017): the lines that have every trigram of
 * the text, and the lines written since the index was last brought up to date, each checked with the
 * same LIKE as the scan, so both ways find the same lines. Other texts read the (order_no, line) index.
 */
function orderNumberIds(db: Database, search: string, like: string, limit: number): number[] {
  const match = trigramQuery(search);
  // UNION ALL stops at the limit where UNION would first gather every match; a line both noted and
  // still indexed under a matching number comes twice, and once is kept. CROSS JOIN reads the few noted
  // lines first (left to itself, SQLite may read every order number and look each up in the notes).
  if (match)
    return [
      ...new Set(
        db
          .prepare(
            `SELECT o.id FROM order_no_trigrams f JOIN orders o ON o.id = f.rowid
               WHERE order_no_trigrams MATCH ? AND o.order_no LIKE ? ESCAPE '\\'
             UNION ALL
             SELECT o.id FROM order_no_trigrams_pending p CROSS JOIN orders o ON o.id = p.id WHERE o.order_no LIKE ? ESCAPE '\\'
             LIMIT ?`,
          )
          .pluck()
          .all(match, like, like, limit) as number[],
      ),
    ];
  return db
    .prepare("SELECT id FROM orders WHERE order_no LIKE ? ESCAPE '\\' LIMIT ?")
    .pluck()
    .all(like, limit) as number[];
}

/**
 * The WHERE term for `search` over orders aliased `o`. Few matching lines: they are named by id, so the
 * page and its count read only them. Many (a surname, a word in most company names): the same tests are
 * applied while the lines are read in the grid's order, which stops at the page.
 */
export function orderSearchClause(db: Database, search: string, fewLines = FEW_LINES): SearchClause {
  const like = `%${escapeLike(search)}%`;
  const staff = ids(db, "SELECT id FROM staff WHERE name LIKE ? ESCAPE '\\'", like);
  const customers = ids(db, "SELECT id FROM customers WHERE name LIKE ? ESCAPE '\\'", like);
  const products = ids(db, "SELECT id FROM products WHERE name LIKE ? ESCAPE '\\'", like);
  // The order numbers are read from their index (more than `fewLines` of them is enough to know), unless
  // the text holds a character no order number has (a Chinese name, usually).
  const byNumber = mayBeInOrderNumbers(db, search) ? orderNumberIds(db, search, like, fewLines + 1) : [];

  let budget = fewLines - byNumber.length;
  for (const [column, list] of [
    ['salesperson_id', staff],
    ['customer_id', customers],
    ['product_id', products],
  ] as const) {
    if (budget < 0) break;
    budget -= linesUpTo(db, column, list, budget + 1);
  }
  const terms: string[] = [];
  const params: unknown[] = [];
  // Unary + keeps SQLite from a multi-index OR, so the many-lines plan walks the date index and stops.
  const plus = budget < 0 ? '+' : '';
  for (const [column, list] of [
    ['o.salesperson_id', staff],
    ['o.customer_id', customers],
    ['o.product_id', products],
  ] as const) {
    if (list.length === 0) continue;
    terms.push(`${plus}${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(list));
  }
  if (budget < 0 && byNumber.length) {
    terms.push("o.order_no LIKE ? ESCAPE '\\'");
    params.push(like);
  } else if (byNumber.length) {
    terms.push('o.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(byNumber));
  }
  return terms.length ? { sql: `(${terms.join(' OR ')})`, params } : { sql: '0', params: [] };
}
