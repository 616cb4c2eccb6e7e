import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { ReviewListItem, ReviewStatus } from '../../contract/review';

export interface ReviewRow {
  id: number;
  quarter: string;
  schemeId: number;
  status: ReviewStatus;
  computedAt: string | null;
}

export function findReview(db: Database, quarter: string): ReviewRow | undefined {
  return db.prepare('SELECT id, quarter, scheme_id AS schemeId, status, computed_at AS computedAt FROM reviews WHERE quarter = ?').get(quarter) as ReviewRow | undefined;
}

export function requireReview(db: Database, quarter: string): ReviewRow {
  const r = findReview(db, quarter);
  if (!r) throw new WorkbenchError('review/not-found', { quarter });
  return r;
}

/**
 * The guard of every change (P6.4): a locked review refuses everything; other statuses allow only the
 * changes listed (e.g. ratings only before submission — reopen the review first).
 */
export function assertChangeable(review: ReviewRow | undefined, allowed: readonly ReviewStatus[]): void {
  if (!review) return;
  if (review.status === 'locked') throw new WorkbenchError('review/locked', { quarter: review.quarter });
  if (!allowed.includes(review.status)) throw new WorkbenchError('review/not-editable', { quarter: review.quarter, status: review.status });
}

/** Statuses in which scores may still change (scheme, compute, ratings, adjustments). */
export const SCORING_OPEN: readonly ReviewStatus[] = ['draft', 'rated'];
/** Statuses in which feedback and outcome decisions may still change. */
export const NOTES_OPEN: readonly ReviewStatus[] = ['draft', 'rated', 'submitted', 'approved'];

export function personId(db: Database, employeeNo: string): { id: number; name: string } {
  const p = db.prepare('SELECT id, name FROM staff WHERE lower(employee_no) = lower(?)').get(employeeNo) as { id: number; name: string } | undefined;
  if (!p) throw new WorkbenchError('review/person-not-found', { person: employeeNo });
  return p;
}

export function requireEntry(db: Database, review: ReviewRow, employeeNo: string): { id: number; name: string } {
  const p = personId(db, employeeNo);
  if (!db.prepare('SELECT 1 FROM review_entries WHERE review_id = ? AND staff_id = ?').get(review.id, p.id)) {
    throw new WorkbenchError('review/person-not-in-review', { person: employeeNo, quarter: review.quarter });
  }
  return p;
}

export function listItem(db: Database, quarter: string): ReviewListItem {
  return listReviews(db).find((r) => r.quarter === quarter)!;
}

/** Every review, newest quarter first. */
export function listReviews(db: Database): ReviewListItem[] {
  return db
    .prepare(
      `SELECT r.quarter, r.status, r.computed_at AS computedAt, s.version AS schemeVersion,
              (SELECT COUNT(*) FROM review_entries e WHERE e.review_id = r.id) AS people
       FROM reviews r JOIN review_schemes s ON s.id = r.scheme_id ORDER BY r.quarter DESC`,
    )
    .all() as ReviewListItem[];
}
