import type { Database, Statement } from 'better-sqlite3';

/**
 * The customers table as the other domains read it (care, visits, surveys, tickets, contracts, the
 * pipeline, plans, the dashboard): one home for these reads, so that a change to the table touches
 * this file and the customers service only. Queries that serve a single rule (the customer list, the
 * grades, the duplicates) stay beside that rule.
 */
export interface CustomerRef {
  id: number;
  /** the salesperson who owns the customer (P4.1), or null */
  ownerId: number | null;
}

interface Statements {
  exists: Statement<[number]>;
  ref: Statement<[number]>;
  count: Statement<[]>;
}

// Prepared once per connection: a restored backup opens a new connection, and with it new statements.
const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      exists: db.prepare('SELECT 1 FROM customers WHERE id = ?'),
      ref: db.prepare('SELECT id, owner_id AS ownerId FROM customers WHERE id = ?'),
      count: db.prepare('SELECT count(*) FROM customers').pluck(),
    };
    prepared.set(db, s);
  }
  return s;
}

/** Whether a customer with this id exists (leads and lost customers included). */
export const customerExists = (db: Database, id: number): boolean => statements(db).exists.get(id) !== undefined;

/** The customer with this id and its owner; undefined when there is none. */
export const customerRef = (db: Database, id: number): CustomerRef | undefined =>
  statements(db).ref.get(id) as CustomerRef | undefined;

/** How many customers there are, at every stage. */
export const customerCount = (db: Database): number => statements(db).count.get() as number;
