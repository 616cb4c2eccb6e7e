import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { GroupStats, QuestionStats, SurveyAnalysis, SurveyQuestion } from '../../contract/survey';
import { getPlan, listQuestions } from './plans';
import { maskIndexes, SCALE } from './question-options';
import { MIN_GROUP, npsFromCounts, npsFromDistribution, scaleFromDistribution, type NpsSummary } from './stats';
import { allStaff } from '../../db/access/staff';

/**
 * The analysis of one survey (P4.7 "结果分析"; issue #5 item 6; the JSON of `survey analyze` in cli.md).
 * The statistics are derived from each question's value counts and the per-response scores of the score
 * cache (score-cache.ts, brought up to date by getPlan), so 100,000 responses × 20 questions are read as
 * a few hundred count rows and one pass over 100,000 small score rows.
 */

const pct = (share: number | null) => (share === null ? null : 100 * share);

/** The first NPS question of a survey: its "would you recommend us" question. */
export function npsQuestion(questions: SurveyQuestion[]): SurveyQuestion | undefined {
  return questions.find((q) => q.type === 'nps');
}

function valueCounts(db: Database, questionId: number): Map<number, number> {
  const rows = db
    .prepare('SELECT value_num AS v, n AS c FROM survey_value_counts WHERE question_id = ?')
    .raw()
    .all(questionId) as [number, number][];
  return new Map(rows);
}

/** Per question: answers, mean, distribution, CSAT, top-2-box (and the NPS of an NPS question). */
function questionStats(db: Database, q: SurveyQuestion): QuestionStats {
  const base = { id: q.id, code: q.code, text: q.text, type: q.type, mean: null, csat: null, top2: null, sd: null };
  const scale = SCALE[q.type];
  if (scale) {
    const counts = valueCounts(db, q.id);
    const dist = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => counts.get(scale.min + i) ?? 0);
    const s = scaleFromDistribution(dist, scale.min);
    const distribution = Object.fromEntries(dist.map((c, i) => [String(scale.min + i), c]));
    const out: QuestionStats = {
      ...base,
      n: s.n,
      mean: s.mean,
      sd: s.sd,
      top2: pct(s.top2),
      csat: q.type === 'likert5' ? pct(s.top2) : null,
      distribution,
      tooSmall: s.n < MIN_GROUP,
    };
    if (q.type === 'nps') out.nps = npsFromDistribution(dist);
    return out;
  }
  if (q.type === 'choice' || q.type === 'multi') {
    const choices = q.options.choices ?? [];
    const distribution: Record<string, number> = Object.fromEntries(choices.map((c) => [c, 0]));
    let n = 0;
    for (const [v, c] of valueCounts(db, q.id)) {
      n += c;
      const idx: number[] = q.type === 'choice' ? [v - 1] : maskIndexes(v);
      for (const i of idx) {
        const key = choices[i] ?? String(i + 1);
        distribution[key] = (distribution[key] ?? 0) + c;
      }
    }
    return { ...base, n, distribution, tooSmall: n < MIN_GROUP };
  }
  // free text, salesperson and metadata: the answers are read in the comments list and the breakdowns
  const n = (db.prepare('SELECT count(*) AS n FROM survey_answers WHERE question_id = ?').get(q.id) as { n: number }).n;
  return { ...base, n, distribution: {}, tooSmall: n < MIN_GROUP };
}

/**
 * NPS per salesperson of the response (every salesperson with at least one answer to the survey's NPS
 * question, which is the one the score cache holds), from the covering index of the score cache.
 */
function npsBySalesperson(db: Database, surveyId: number): (GroupStats & { employeeNo: string; name: string })[] {
  const rows = db
    .prepare(
      `SELECT salesperson_id AS sid, count(*) AS n, total(nps >= 9) AS pro, total(nps >= 7 AND nps < 9) AS pas, total(nps < 7) AS det
       FROM survey_response_scores
       WHERE survey_id = ? AND salesperson_id IS NOT NULL AND nps IS NOT NULL
       GROUP BY salesperson_id`,
    )
    .all(surveyId) as { sid: number; n: number; pro: number; pas: number; det: number }[];
  const people = new Map(allStaff(db).map(({ id, employeeNo: no, name }) => [id, { no, name }]));
  return rows
    .filter((r) => people.has(r.sid))
    .map((r) => {
      const p = people.get(r.sid)!;
      const nps = npsFromCounts(r.pro, r.pas, r.det);
      return {
        key: String(r.sid),
        label: p.name,
        employeeNo: p.no,
        name: p.name,
        n: r.n,
        nps: nps.score,
        ci95: nps.ci95,
        promoters: r.pro,
        detractors: r.det,
        csat: null,
        mean: null,
        tooSmall: r.n < MIN_GROUP,
      };
    })
    .sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0));
}

/** The whole analysis of a survey; refuses a survey without answers (nothing to analyse). */
export function analyzeSurvey(db: Database, surveyId: number): SurveyAnalysis {
  const plan = getPlan(db, surveyId);
  if (plan.responses === 0) throw new WorkbenchError('survey/no-answers', { name: plan.name });
  const questions = listQuestions(db, surveyId, false);
  const stats = questions.map((q) => questionStats(db, q));
  const npsQ = npsQuestion(questions);
  const emptyNps: NpsSummary = npsFromCounts(0, 0, 0);
  const nps = npsQ ? (stats.find((s) => s.id === npsQ.id)!.nps ?? emptyNps) : emptyNps;
  const pooled = (type: string) => {
    let n = 0;
    let sum = 0;
    let top = 0;
    for (const s of stats) {
      if (s.type !== type || s.mean === null) continue;
      n += s.n;
      sum += s.mean * s.n;
      top += ((s.top2 ?? 0) / 100) * s.n;
    }
    return n ? { mean: sum / n, top2: (100 * top) / n } : null;
  };
  return {
    survey: { id: plan.id, name: plan.name },
    responses: plan.responses,
    nps,
    ces: pooled('ces7')?.mean ?? null,
    csat: pooled('likert5')?.top2 ?? null,
    questions: stats,
    bySalesperson: npsQ ? npsBySalesperson(db, surveyId) : [],
  };
}
