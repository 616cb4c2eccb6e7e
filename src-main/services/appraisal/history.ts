import type { Database } from 'better-sqlite3';
import type { AppraisalHistoryPoint, AppraisalStatus } from '../../contract/appraisal';
import { personId } from './appraisal-store';

/** A person's appraisals across quarters, oldest first, for the trend chart (P5.6 history per person). */
export function personHistory(db: Database, employeeNo: string): AppraisalHistoryPoint[] {
  const p = personId(db, employeeNo);
  const rows = db
    .prepare(
      `SELECT r.id, r.quarter, r.status, COALESCE(e.adjusted_total, e.total) AS total, e.grade FROM review_entries e JOIN reviews r ON r.id = e.review_id
       WHERE e.staff_id = ? ORDER BY r.quarter`,
    )
    .all(p.id) as {
    id: number;
    quarter: string;
    status: AppraisalStatus;
    total: number | null;
    grade: string | null;
  }[];
  const kpis = db.prepare(
    'SELECT kpi_key AS k, value, score FROM review_kpi_values WHERE review_id = ? AND staff_id = ?',
  );
  return rows.map((r) => ({
    quarter: r.quarter,
    status: r.status,
    total: r.total,
    grade: r.grade,
    kpis: Object.fromEntries(
      (kpis.all(r.id, p.id) as { k: string; value: number | null; score: number | null }[]).map((x) => [
        x.k,
        { value: x.value, score: x.score },
      ]),
    ),
  }));
}
