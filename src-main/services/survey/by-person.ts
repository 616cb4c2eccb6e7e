import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import { ensureSurveyCache } from './score-cache';
import { MIN_GROUP, npsFromCounts } from './stats';
import type { PersonSurveyResult } from '../../contract/survey';
import { allStaff } from '../../db/access/staff';

interface PersonSurveyQuery {
  /** First day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
  /** Only these surveys (default: every survey). */
  surveyIds?: readonly number[];
}

/** The first and last day of a quarter 'YYYYQn'. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) throw new WorkbenchError('survey/bad-quarter', { quarter });
  const y = Number(m[1]);
  const q = Number(m[2]);
  const lastMonth = q * 3;
  const lastDay = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
  return {
    from: `${y}-${String(lastMonth - 2).padStart(2, '0')}-01`,
    to: `${y}-${String(lastMonth).padStart(2, '0')}-${lastDay}`,
  };
}

/**
 * Per salesperson with at least one response in the range: responses, NPS (with promoters, passives,
 * detractors and its 95% interval), CSAT and mean satisfaction. A survey's NPS question is its first
 * question of type 'nps'; CSAT and the mean pool every 5-point answer. People without responses are
 * absent (the caller decides what "no data" scores). Sorted by employee number.
 *
 * Which responses count: only those linked to a salesperson, on the day they were submitted; a response
 * without a submission time (e.g. typed in from a paper form) takes its survey's end date, else its
 * start date. One grouped pass over the score cache (one small row per response, score-cache.ts) answers
 * for everyone at once, so the appraisal of 1,000 people does not query per person.
 */
export function surveyResultsByPerson(db: Database, query: PersonSurveyQuery): PersonSurveyResult[] {
  ensureSurveyCache(db);
  const only = query.surveyIds?.length ? new Set(query.surveyIds) : null;
  const surveys =
    // a training session's feedback (P5.5) is the participants' view of a course, not customers' of a salesperson
    (
      db
        .prepare(
          'SELECT id, COALESCE(end_date, start_date) AS fallback FROM surveys WHERE id NOT IN (SELECT feedback_survey_id FROM training_sessions WHERE feedback_survey_id IS NOT NULL) ORDER BY id',
        )
        .all() as {
        id: number;
        fallback: string | null;
      }[]
    ).filter((s) => !only || only.has(s.id));
  // one survey at a time, so that each grouping walks the (survey, salesperson, …) covering index in order
  const perSurvey = db.prepare(
    `SELECT salesperson_id AS sid, count(*) AS responses, count(nps) AS n,
            total(nps >= 9) AS pro, total(nps >= 7 AND nps < 9) AS pas, total(nps < 7) AS det,
            total(sat_n) AS satN, total(sat_sum) AS sum, total(sat_top) AS top
     FROM survey_response_scores
     WHERE survey_id = ? AND salesperson_id IS NOT NULL AND COALESCE(day, ?) BETWEEN ? AND ?
     GROUP BY salesperson_id`,
  );
  type Sums = {
    sid: number;
    responses: number;
    n: number;
    pro: number;
    pas: number;
    det: number;
    satN: number;
    sum: number;
    top: number;
  };
  const bySid = new Map<number, Sums>();
  for (const s of surveys) {
    for (const r of perSurvey.all(s.id, s.fallback, query.from, query.to) as Sums[]) {
      const acc = bySid.get(r.sid);
      if (!acc) bySid.set(r.sid, r);
      else for (const k of ['responses', 'n', 'pro', 'pas', 'det', 'satN', 'sum', 'top'] as const) acc[k] += r[k];
    }
  }
  const rows = [...bySid.values()];
  const people = new Map(allStaff(db).map((p) => [p.id, p]));
  const out: PersonSurveyResult[] = [];
  for (const r of rows) {
    const p = people.get(r.sid);
    if (!p) continue;
    const nps = npsFromCounts(r.pro, r.pas, r.det);
    out.push({
      staffId: r.sid,
      employeeNo: p.employeeNo,
      name: p.name,
      teamId: p.teamId,
      responses: r.responses,
      npsN: r.n,
      nps: nps.score,
      ci95: nps.ci95,
      promoters: r.pro,
      passives: r.pas,
      detractors: r.det,
      satisfactionN: r.satN,
      csat: r.satN ? (100 * r.top) / r.satN : null,
      mean: r.satN ? r.sum / r.satN : null,
      tooSmall: r.responses < MIN_GROUP,
    });
  }
  return out.sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0));
}

/** Same as surveyResultsByPerson for one quarter 'YYYYQn'. */
export function surveyResultsForQuarter(
  db: Database,
  quarter: string,
  surveyIds?: readonly number[],
): PersonSurveyResult[] {
  return surveyResultsByPerson(db, { ...quarterRange(quarter), surveyIds });
}
