import type { Database } from 'better-sqlite3';
import type { KpiDefinition } from '../../contract/appraisal-scheme';
import type { RubricLevel } from '../../contract/recruit';
import type { Lang } from '../../i18n/messages';
import { schemeInfo } from '../appraisal/scheme';

/**
 * The one place recruitment and training read the quarterly appraisal (P6): its scheme (the ability
 * rubric, KPI labels and curves) and its stored results. Kept in one file so the appraisal's code is
 * reached through a single door.
 */

export const quarterOf = (iso: string): string =>
  `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
export function shiftQuarter(q: string, n: number): string {
  const idx = Number(q.slice(0, 4)) * 4 + Number(q.slice(5)) - 1 + n;
  return `${Math.floor(idx / 4)}Q${(idx % 4) + 1}`;
}

/** The scheme's KPIs for a quarter (its own, copied forward, or the default). */
export function appraisalKpis(db: Database, quarter: string): KpiDefinition[] {
  return schemeInfo(db, quarter).definition.kpis;
}

/** P1.6, P5.3: the appraisal's rated ability items with their rubric, in the user's language. */
export function abilityRubric(
  db: Database,
  quarter: string,
  lang: Lang,
): { key: string; label: string; levels: RubricLevel[] }[] {
  return appraisalKpis(db, quarter)
    .filter((k) => k.source === 'rated' && k.rubric && k.rubric.length > 0)
    .map((k) => ({
      key: k.key,
      label: k.label[lang],
      levels: k.rubric!.map((r) => ({ level: r.level, label: r.label[lang], description: r.description[lang] })),
    }));
}

/** Whether the KPI's score counts as a gap: data KPIs under the score of "meets expectations" (60). */
export const DATA_GAP_SCORE = 60;
/** Rated KPIs at this level or below are a gap (the rubric's "needs improvement"). */
export const RATED_GAP_LEVEL = 2;

/** One KPI's stored value per person in a quarter's appraisal (rated KPIs hold the effective level). */
export function kpiValues(db: Database, quarter: string, kpi: string): Map<number, number> {
  const rows = db
    .prepare(
      'SELECT v.staff_id AS s, v.value AS v FROM review_kpi_values v JOIN reviews r ON r.id = v.review_id WHERE r.quarter = ? AND v.kpi_key = ? AND v.value IS NOT NULL',
    )
    .all(quarter, kpi) as { s: number; v: number }[];
  return new Map(rows.map((r) => [r.s, r.v]));
}

/** All KPI values and scores of a quarter's appraisal. */
export function quarterResults(
  db: Database,
  quarter: string,
): { staffId: number; kpi: string; value: number | null; score: number | null }[] {
  return db
    .prepare(
      'SELECT v.staff_id AS staffId, v.kpi_key AS kpi, v.value, v.score FROM review_kpi_values v JOIN reviews r ON r.id = v.review_id WHERE r.quarter = ?',
    )
    .all(quarter) as { staffId: number; kpi: string; value: number | null; score: number | null }[];
}

/** The latest quarter holding appraisal results, if any. */
export function latestAppraisedQuarter(db: Database): string | null {
  return (
    (db
      .prepare(
        'SELECT r.quarter FROM reviews r WHERE EXISTS (SELECT 1 FROM review_kpi_values v WHERE v.review_id = r.id) ORDER BY r.quarter DESC LIMIT 1',
      )
      .pluck()
      .get() as string | undefined) ?? null
  );
}

/** Each person's first appraisal with a total (the earliest quarter), for "did the interview predict". */
export function firstAppraisals(db: Database, staffIds: number[]): Map<number, { quarter: string; total: number }> {
  const out = new Map<number, { quarter: string; total: number }>();
  const stmt = db.prepare(
    `SELECT r.quarter, COALESCE(e.adjusted_total, e.total) AS total FROM review_entries e JOIN reviews r ON r.id = e.review_id
     WHERE e.staff_id = ? AND COALESCE(e.adjusted_total, e.total) IS NOT NULL ORDER BY r.quarter LIMIT 1`,
  );
  for (const s of staffIds) {
    const row = stmt.get(s) as { quarter: string; total: number } | undefined;
    if (row) out.set(s, row);
  }
  return out;
}
