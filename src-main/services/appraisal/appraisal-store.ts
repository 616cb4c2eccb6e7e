import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { AppraisalListItem, AppraisalStatus } from '../../contract/appraisal';
import { staffByEmployeeNo } from '../../db/access/staff';

export interface AppraisalRow {
  id: number;
  quarter: string;
  schemeId: number;
  status: AppraisalStatus;
  computedAt: string | null;
}

export function findAppraisal(db: Database, quarter: string): AppraisalRow | undefined {
  return db
    .prepare(
      'SELECT id, quarter, scheme_id AS schemeId, status, computed_at AS computedAt FROM reviews WHERE quarter = ?',
    )
    .get(quarter) as AppraisalRow | undefined;
}

export function requireAppraisal(db: Database, quarter: string): AppraisalRow {
  const r = findAppraisal(db, quarter);
  if (!r) throw new WorkbenchError('review/not-found', { quarter });
  return r;
}

/**
 * The guard of every change (P6.4): a locked appraisal refuses everything; other statuses allow only the
 * changes listed (e.g. ratings only before submission — reopen the appraisal first).
 */
export function assertChangeable(appraisal: AppraisalRow | undefined, allowed: readonly AppraisalStatus[]): void {
  if (!appraisal) return;
  if (appraisal.status === 'locked') throw new WorkbenchError('review/locked', { quarter: appraisal.quarter });
  if (!allowed.includes(appraisal.status))
    throw new WorkbenchError('review/not-editable', { quarter: appraisal.quarter, status: appraisal.status });
}

/** Statuses in which scores may still change (scheme, compute, ratings, adjustments). */
export const SCORING_OPEN: readonly AppraisalStatus[] = ['draft', 'rated'];
/** Statuses in which feedback and outcome decisions may still change. */
export const NOTES_OPEN: readonly AppraisalStatus[] = ['draft', 'rated', 'submitted', 'approved'];

export function personId(db: Database, employeeNo: string): { id: number; name: string } {
  const p = staffByEmployeeNo(db, employeeNo);
  if (!p) throw new WorkbenchError('review/person-not-found', { person: employeeNo });
  return { id: p.id, name: p.name };
}

export function requireEntry(db: Database, appraisal: AppraisalRow, employeeNo: string): { id: number; name: string } {
  const p = personId(db, employeeNo);
  if (!db.prepare('SELECT 1 FROM review_entries WHERE review_id = ? AND staff_id = ?').get(appraisal.id, p.id)) {
    throw new WorkbenchError('review/person-not-in-review', { person: employeeNo, quarter: appraisal.quarter });
  }
  return p;
}

export function listItem(db: Database, quarter: string): AppraisalListItem {
  return listAppraisals(db).find((r) => r.quarter === quarter)!;
}

/** Every appraisal, newest quarter first. */
export function listAppraisals(db: Database): AppraisalListItem[] {
  return db
    .prepare(
      `SELECT r.quarter, r.status, r.computed_at AS computedAt, s.version AS schemeVersion,
              (SELECT COUNT(*) FROM review_entries e WHERE e.review_id = r.id) AS people
       FROM reviews r JOIN review_schemes s ON s.id = r.scheme_id ORDER BY r.quarter DESC`,
    )
    .all() as AppraisalListItem[];
}
