import type { Database, Statement } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';

/**
 * The staff table as the other domains read it (appraisal, surveys, targets, imports, teams): one home
 * for these reads, so that a change to the table touches this file and the team service only. Queries
 * that serve a single rule (the team list, a KPI's population) stay beside that rule.
 */
export interface StaffRef {
  id: number;
  employeeNo: string;
  name: string;
  teamId: number | null;
  status: 'active' | 'inactive';
}

interface Statements {
  exists: Statement<[number]>;
  byEmployeeNo: Statement<[string]>;
  byName: Statement<[string]>;
  all: Statement<[]>;
}

const COLUMNS = 'id, employee_no AS employeeNo, name, team_id AS teamId, status';

// Prepared once per connection: a restored backup opens a new connection, and with it new statements.
const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      exists: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
      // Employee numbers are unique regardless of case (the staff service refuses a second "s1" beside "S1").
      byEmployeeNo: db.prepare(`SELECT ${COLUMNS} FROM staff WHERE lower(employee_no) = lower(?)`),
      byName: db.prepare(`SELECT ${COLUMNS} FROM staff WHERE name = ? ORDER BY id`),
      all: db.prepare(`SELECT ${COLUMNS} FROM staff ORDER BY id`),
    };
    prepared.set(db, s);
  }
  return s;
}

/** Whether a member of staff with this id exists (inactive ones included). */
export const staffExists = (db: Database, id: number): boolean => statements(db).exists.get(id) !== undefined;

/** Refuses an id that names no member of staff (staff/not-found). */
export function requireStaff(db: Database, id: number): void {
  if (!staffExists(db, id)) throw new WorkbenchError('staff/not-found', { id });
}

/** The member of staff with this employee number, in any case; undefined when there is none. */
export const staffByEmployeeNo = (db: Database, employeeNo: string): StaffRef | undefined =>
  statements(db).byEmployeeNo.get(employeeNo) as StaffRef | undefined;

/** Every member of staff with exactly this name (names are not unique). */
export const staffByName = (db: Database, name: string): StaffRef[] => statements(db).byName.all(name) as StaffRef[];

/** Every member of staff, inactive ones included, in the order they were added. */
export const allStaff = (db: Database): StaffRef[] => statements(db).all.all() as StaffRef[];
