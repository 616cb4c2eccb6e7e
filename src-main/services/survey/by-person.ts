import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import { MIN_GROUP, npsFromCounts } from './stats';

/**
 * Survey results per salesperson for a date range (issue #5 item 13; feeds the customer-satisfaction KPI
 * of the quarterly appraisal, P6.1). One call answers for everyone at once with two grouped queries, so
 * the appraisal of 1,000 people does not query per person.
 */
export interface PersonSurveyResult {
  staffId: number;
  employeeNo: string;
  name: string;
  teamId: number | null;
  /** Responses attributed to this salesperson in the range. */
  responses: number;
  /** Responses that answered the NPS question. */
  npsN: number;
  /** Net Promoter Score −100…100 (promoters 9–10 minus detractors 0–6, in %); null without NPS answers. */
  nps: number | null;
  /** 95% interval of the NPS (normal approximation, see stats.ts npsFromCounts). */
  npsCi95: [number, number] | null;
  promoters: number;
  passives: number;
  /** Customers who answered 0–6: each one is a call-back candidate. */
  detractors: number;
  /** likert5 answers counted for CSAT and the mean. */
  satisfactionN: number;
  /** CSAT in percent 0–100: share of 4–5 answers over all 5-point satisfaction items; null without any. */
  csat: number | null;
  /** Mean of all 5-point satisfaction answers (1–5); null without any. */
  meanSatisfaction: number | null;
  /** Fewer than 30 responses: too few to judge (show, but do not rank on it). */
  tooSmall: boolean;
}

export interface PersonSurveyQuery {
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
  return { from: `${y}-${String(lastMonth - 2).padStart(2, '0')}-01`, to: `${y}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}

/**
 * Which responses count for a range: a response's date is the day it was submitted; a response without
 * a submission time (e.g. typed in from a paper form) takes its survey's end date, else its start date.
 * Only responses linked to a salesperson count.
 */
function scope(surveyIds: readonly number[] | undefined): { where: string; params: unknown[] } {
  const ids = surveyIds?.length ? ` AND r.survey_id IN (${surveyIds.map(() => '?').join(',')})` : '';
  return {
    where: `r.salesperson_id IS NOT NULL
        AND COALESCE(substr(r.submitted_at, 1, 10), s.end_date, s.start_date) BETWEEN ? AND ?${ids}`,
    params: surveyIds?.length ? [...surveyIds] : [],
  };
}

/**
 * Per salesperson with at least one response in the range: responses, NPS (with promoters, passives,
 * detractors and its 95% interval), CSAT and mean satisfaction. A survey's NPS question is its first
 * question of type 'nps'; people without responses are absent (the caller decides what "no data" scores).
 * Sorted by employee number.
 */
export function surveyResultsByPerson(db: Database, query: PersonSurveyQuery): PersonSurveyResult[] {
  const s = scope(query.surveyIds);
  const counts = new Map(
    (db.prepare(`SELECT r.salesperson_id AS sid, count(*) AS n FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE ${s.where} GROUP BY r.salesperson_id`).raw().all(query.from, query.to, ...s.params) as [number, number][]),
  );
  // Answers are read from the (question_id, value_num) index and joined to their response (CROSS JOIN keeps
  // that order): far cheaper than visiting every response of every survey and looking its answers up.
  const questions = db.prepare("SELECT id, survey_id AS surveyId, type FROM survey_questions WHERE type IN ('nps', 'likert5') ORDER BY survey_id, position").all() as { id: number; surveyId: number; type: string }[];
  const firstNps = new Map<number, number>();
  for (const q of questions) if (q.type === 'nps' && !firstNps.has(q.surveyId)) firstNps.set(q.surveyId, q.id);
  const likertIds = questions.filter((q) => q.type === 'likert5').map((q) => q.id);
  const npsBy = new Map<number, { n: number; pro: number; pas: number; det: number }>();
  if (firstNps.size) {
    const rows = db
      .prepare(
        `SELECT r.salesperson_id AS sid, count(*) AS n, total(a.value_num >= 9) AS pro, total(a.value_num >= 7 AND a.value_num < 9) AS pas, total(a.value_num < 7) AS det
         FROM survey_answers a CROSS JOIN survey_responses r ON r.id = a.response_id JOIN surveys s ON s.id = r.survey_id
         WHERE a.question_id IN (${[...firstNps.values()].join(',')}) AND a.value_num IS NOT NULL AND ${s.where}
         GROUP BY r.salesperson_id`,
      )
      .all(query.from, query.to, ...s.params) as { sid: number; n: number; pro: number; pas: number; det: number }[];
    for (const r of rows) npsBy.set(r.sid, r);
  }
  const satRows = likertIds.length
    ? (db
        .prepare(
          `SELECT r.salesperson_id AS sid, count(*) AS n, total(a.value_num) AS sum, total(a.value_num >= 4) AS top
           FROM survey_answers a CROSS JOIN survey_responses r ON r.id = a.response_id JOIN surveys s ON s.id = r.survey_id
           WHERE a.question_id IN (${likertIds.join(',')}) AND a.value_num BETWEEN 1 AND 5 AND ${s.where}
           GROUP BY r.salesperson_id`,
        )
        .all(query.from, query.to, ...s.params) as { sid: number; n: number; sum: number; top: number }[])
    : [];
  const npsRows = [...counts].map(([sid, responses]) => ({ sid, responses, ...(npsBy.get(sid) ?? { n: 0, pro: 0, pas: 0, det: 0 }) }));
  const sat = new Map(satRows.map((r) => [r.sid, r]));
  const people = new Map(
    (db.prepare('SELECT id, employee_no AS employeeNo, name, team_id AS teamId FROM staff').all() as { id: number; employeeNo: string; name: string; teamId: number | null }[]).map((p) => [p.id, p]),
  );
  const out: PersonSurveyResult[] = [];
  for (const r of npsRows) {
    const p = people.get(r.sid);
    if (!p) continue;
    const nps = npsFromCounts(r.pro, r.pas, r.det);
    const l = sat.get(r.sid);
    out.push({
      staffId: r.sid,
      employeeNo: p.employeeNo,
      name: p.name,
      teamId: p.teamId,
      responses: r.responses,
      npsN: r.n,
      nps: nps.score,
      npsCi95: nps.ci95,
      promoters: r.pro,
      passives: r.pas,
      detractors: r.det,
      satisfactionN: l?.n ?? 0,
      csat: l && l.n ? (100 * l.top) / l.n : null,
      meanSatisfaction: l && l.n ? l.sum / l.n : null,
      tooSmall: r.responses < MIN_GROUP,
    });
  }
  return out.sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0));
}

/** Same as surveyResultsByPerson for one quarter 'YYYYQn'. */
export function surveyResultsForQuarter(db: Database, quarter: string, surveyIds?: readonly number[]): PersonSurveyResult[] {
  return surveyResultsByPerson(db, { ...quarterRange(quarter), surveyIds });
}
