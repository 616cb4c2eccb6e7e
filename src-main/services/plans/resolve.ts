import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';

/** The first and last day of a plan period ('YYYY-MM' or 'YYYYQn'). */
export function planRange(period: string): { year: number; from: string; to: string; months: number[] } {
  const year = Number(period.slice(0, 4));
  const months =
    period[4] === 'Q' ? [1, 2, 3].map((k) => (Number(period[5]) - 1) * 3 + k) : [Number(period.slice(5, 7))];
  const pad = (n: number) => String(n).padStart(2, '0');
  const last = months[months.length - 1];
  return {
    year,
    from: `${year}-${pad(months[0])}-01`,
    to: `${year}-${pad(last)}-${pad(new Date(Date.UTC(year, last, 0)).getUTCDate())}`,
    months,
  };
}

export function teamId(db: Database, name: string): number {
  const r = db.prepare('SELECT id FROM teams WHERE name = ?').get(name) as { id: number } | undefined;
  if (!r) throw new WorkbenchError('plans/unknown-team', { team: name });
  return r.id;
}

export function personOf(
  db: Database,
  employeeNo: string,
): { id: number; teamId: number | null; name: string; employeeNo: string } {
  const r = db
    .prepare(
      'SELECT id, team_id AS teamId, name, employee_no AS employeeNo FROM staff WHERE employee_no = ? COLLATE NOCASE',
    )
    .get(employeeNo) as { id: number; teamId: number | null; name: string; employeeNo: string } | undefined;
  if (!r) throw new WorkbenchError('plans/unknown-person', { person: employeeNo });
  return r;
}
