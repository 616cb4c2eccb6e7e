import type { Database } from 'better-sqlite3';
import type { Page, PageRequest } from '../../contract/common';

type FieldKind = 'text' | 'number' | 'money' | 'date';

interface FieldDef {
  sql: string;
  kind: FieldKind;
}

export interface PagedSource {
  /** FROM … JOIN … clause. */
  from: string;
  fields: Record<string, FieldDef>;
  /** Field names the quick search looks in. */
  search: string[];
  /** ORDER BY used when the grid asks for none (ends with a unique column for stable paging). */
  defaultOrder: string;
  /** Extra select list for the page rows only (computed after paging). */
  select: string;
  /** The quick search's WHERE term when a plain LIKE over `search` is too slow (same matches). */
  searchClause?: (db: Database, search: string) => { sql: string; params: unknown[] };
  /**
   * The count's FROM when the filters name only this alias's columns: SQLite does not leave out the
   * joins of `from`, and on a million orders they cost seconds (issue 12 item 10).
   */
  countFrom?: { from: string; alias: string };
}

/**
 * The field a grid names, if the source has it. The names come from the caller: an object lookup would
 * also find `constructor`, `toString` or `__proto__` on the prototype (issue 17 item 13).
 */
function fieldDef(src: PagedSource, name: string): FieldDef | undefined {
  return Object.hasOwn(src.fields, name) ? src.fields[name] : undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Money is stored in fen and shown in yuan: filter values arrive in yuan. */
const toDb = (kind: FieldKind, v: string | number | undefined) =>
  kind === 'money' && v !== undefined && v !== '' ? Math.round(Number(v) * 100) : v;

/**
 * One page of rows with the grid's sort, column filters and quick search applied on the database side,
 * so that a million orders scroll without loading them. Unknown fields are ignored (whitelisted).
 */
export function queryPage<T>(db: Database, src: PagedSource, req: PageRequest): Page<T> {
  const where: string[] = [];
  const params: unknown[] = [];
  let joined = false;
  for (const [name, f] of Object.entries(req.filters)) {
    const def = fieldDef(src, name);
    if (!def) continue;
    if (!def.sql.startsWith(`${src.countFrom?.alias}.`)) joined = true;
    switch (f.type) {
      case 'contains':
        if (f.value === undefined || f.value === '') break;
        where.push(`${def.sql} LIKE ? ESCAPE '\\'`);
        params.push(`%${escapeLike(String(f.value))}%`);
        break;
      case 'equals':
        if (f.value === undefined) break;
        where.push(`${def.sql} = ?`);
        params.push(toDb(def.kind, f.value));
        break;
      case 'gte':
      case 'lte':
        if (f.value === undefined || f.value === '') break;
        where.push(`${def.sql} ${f.type === 'gte' ? '>=' : '<='} ?`);
        params.push(toDb(def.kind, f.value));
        break;
      case 'between':
        if (f.value === undefined || f.valueTo === undefined) break;
        where.push(`${def.sql} BETWEEN ? AND ?`);
        params.push(toDb(def.kind, f.value), toDb(def.kind, f.valueTo));
        break;
      case 'in':
        if (!f.values) break;
        where.push(f.values.length ? `${def.sql} IN (${f.values.map(() => '?').join(',')})` : '0');
        params.push(...f.values);
        break;
    }
  }
  if (req.search && src.searchClause) {
    const clause = src.searchClause(db, req.search);
    where.push(clause.sql);
    params.push(...clause.params);
  } else if (req.search) {
    const like = `%${escapeLike(req.search)}%`;
    const parts = src.search.map((n) => `${src.fields[n].sql} LIKE ? ESCAPE '\\'`);
    where.push(`(${parts.join(' OR ')})`);
    params.push(...src.search.map(() => like));
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = req.sort.flatMap((s) => {
    const def = fieldDef(src, s.field);
    return def ? [`${def.sql} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`] : [];
  });
  const orderSql = `ORDER BY ${order.length ? `${order.join(', ')}, ` : ''}${src.defaultOrder}`;
  const countFrom = src.countFrom && !joined && !(req.search && !src.searchClause) ? src.countFrom.from : src.from;
  const total = (db.prepare(`SELECT count(*) AS n ${countFrom} ${whereSql}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${src.select} ${src.from} ${whereSql} ${orderSql} LIMIT ? OFFSET ?`)
    .all(...params, req.limit, req.offset) as T[];
  return { rows, total };
}
