import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import type { DuplicateGroup, HandOverResult, MergeResult } from '../../contract/customers';
import { WorkbenchError } from '../../contract/errors';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { regrade } from './grades';
import { normaliseName, normalisePhone } from './names';

/** Customers that look like one company: the same normalised name, or the same phone (theirs or a contact's). */
export function findDuplicates(db: Database): DuplicateGroup[] {
  const customers = db
    .prepare(
      `SELECT c.id, c.code, c.name, c.phone, s.name AS ownerName, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS orders
       FROM customers c LEFT JOIN staff s ON s.id = c.owner_id ORDER BY c.id`,
    )
    .all() as DuplicateGroup['customers'];
  const byId = new Map(customers.map((c) => [c.id, c]));
  const groups: DuplicateGroup[] = [];
  const collect = (reason: DuplicateGroup['reason'], keyed: Map<string, Set<number>>) => {
    for (const [key, ids] of keyed)
      if (ids.size > 1)
        groups.push({ reason, key, customers: [...ids].sort((a, b) => a - b).map((id) => byId.get(id)!) });
  };
  const names = new Map<string, Set<number>>();
  for (const c of customers) {
    const key = normaliseName(c.name);
    if (key) (names.get(key) ?? names.set(key, new Set()).get(key)!).add(c.id);
  }
  collect('name', names);
  const phones = new Map<string, Set<number>>();
  const add = (id: number, p: string | null) => {
    const key = normalisePhone(p);
    if (key) (phones.get(key) ?? phones.set(key, new Set()).get(key)!).add(id);
  };
  for (const c of customers) add(c.id, c.phone);
  for (const k of db.prepare('SELECT customer_id AS id, phone, mobile FROM contacts').all() as {
    id: number;
    phone: string | null;
    mobile: string | null;
  }[]) {
    add(k.id, k.phone);
    add(k.id, k.mobile);
  }
  collect('phone', phones);
  return groups;
}

/** Every column of every table that refers to customers(id), read from the schema so a new table is never missed. */
function customerReferences(db: Database): { table: string; column: string }[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const refs: { table: string; column: string }[] = [];
  for (const table of tables) {
    for (const fk of db
      .prepare('SELECT "table" AS target, "from" AS col FROM pragma_foreign_key_list(?)')
      .all(table) as { target: string; col: string }[]) {
      if (fk.target === 'customers') refs.push({ table, column: fk.col });
    }
  }
  return refs;
}

const FILLABLE = [
  'kind',
  'industry',
  'province',
  'city',
  'address',
  'source',
  'phone',
  'email',
  'owner_id',
  'segment',
  'contact_name',
  'cadence_days',
];

function byCode(
  db: Database,
  code: string,
): Record<string, unknown> & { id: number; code: string | null; name: string } {
  const row = db.prepare('SELECT * FROM customers WHERE code = ?').get(code) as
    (Record<string, unknown> & { id: number; code: string | null; name: string }) | undefined;
  if (!row) throw new WorkbenchError('customers/not-found', { customer: code });
  return row;
}

/**
 * Merges `merge` into `keep` (issue 13 item 4): every order, visit, greeting, contact, ticket, survey answer
 * and any other row that refers to it moves to the kept customer; blanks of the kept record take the
 * merged one's values; the merged record is removed, its full row kept in the audit trail.
 */
export function mergeCustomers(ctx: ServiceContext, input: ParsedInput<'customers/merge'>): MergeResult {
  const db = ctx.db;
  return db.transaction(() => {
    const keep = byCode(db, input.keep);
    const merge = byCode(db, input.merge);
    if (keep.id === merge.id) throw new WorkbenchError('customers/merge-self', { customer: input.keep });
    const moved: Record<string, number> = {};
    for (const ref of customerReferences(db)) {
      const n = db
        .prepare(`UPDATE "${ref.table}" SET "${ref.column}" = ? WHERE "${ref.column}" = ?`)
        .run(keep.id, merge.id).changes;
      if (n) moved[ref.table] = (moved[ref.table] ?? 0) + n;
    }
    const filled: Record<string, unknown> = {};
    for (const col of FILLABLE) {
      if ((keep[col] === null || keep[col] === '') && merge[col] !== null && merge[col] !== '')
        filled[col] = merge[col];
    }
    for (const [col, v] of Object.entries(filled))
      db.prepare(`UPDATE customers SET ${col} = ? WHERE id = ?`).run(v, keep.id);
    db.prepare('DELETE FROM customers WHERE id = ?').run(merge.id);
    // The same as-of date as the last grading, so the kept customer's figures stay comparable with the others'.
    regrade(db, ctx.actor, (keep.grade_as_of as string | null) ?? undefined, keep.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'customer',
      entityId: keep.id,
      field: 'merge',
      oldValue: merge,
      newValue: { moved, filled },
      reason: input.reason,
    });
    return {
      kept: { id: keep.id, code: keep.code, name: keep.name },
      merged: { id: merge.id, code: merge.code, name: merge.name },
      moved,
    };
  })();
}

/**
 * Hand-over (issue 13 item 5): a salesperson's customers, all or those of a grade or city, go to the
 * people named in turn, strongest customers first so that each heir gets a fair share of A customers.
 * The history (orders, visits, greetings) stays with the customers and keeps who did it.
 */
export function handOver(ctx: ServiceContext, input: ParsedInput<'customers/hand-over'>): HandOverResult {
  const db = ctx.db;
  return db.transaction(() => {
    const person = (no: string) => {
      const p = db.prepare('SELECT id, status FROM staff WHERE employee_no = ?').get(no) as
        { id: number; status: string } | undefined;
      if (!p) throw new WorkbenchError('customers/unknown-salesperson', { employeeNo: no });
      return p;
    };
    const from = person(input.from);
    const heirs = input.to.map((no) => {
      if (no === input.from) throw new WorkbenchError('customers/hand-over-self', { employeeNo: no });
      const p = person(no);
      if (p.status !== 'active') throw new WorkbenchError('customers/hand-over-inactive', { employeeNo: no });
      return { no, id: p.id };
    });
    const rows = db
      .prepare(
        `SELECT id, code FROM customers WHERE owner_id = ? AND (? IS NULL OR coalesce(grade_override, grade) = ?) AND (? IS NULL OR city = ?)
         ORDER BY coalesce(grade_override, grade, 'D'), coalesce(grade_sales, 0) DESC, id`,
      )
      .all(from.id, input.grade ?? null, input.grade ?? null, input.city ?? null, input.city ?? null) as {
      id: number;
      code: string | null;
    }[];
    const update = db.prepare('UPDATE customers SET owner_id = ? WHERE id = ?');
    const moved = rows.map((r, i) => {
      const heir = heirs[i % heirs.length];
      update.run(heir.id, r.id);
      audit(db, {
        actor: ctx.actor,
        entity: 'customer',
        entityId: r.id,
        field: 'owner',
        oldValue: input.from,
        newValue: heir.no,
        reason: input.reason,
      });
      return { customerId: r.id, code: r.code, to: heir.no };
    });
    return { from: input.from, moved };
  })();
}
