import type { BenchContext, BenchRow } from '../run';
import { Workspace } from '../../src-main/db/workspace';
import { analyzeSurvey } from '../../src-main/services/survey/analysis';
import { breakdown, crosstab } from '../../src-main/services/survey/breakdown';
import { surveyResultsForQuarter } from '../../src-main/services/survey/by-person';
import { keyDrivers } from '../../src-main/services/survey/drivers';
import { rebuildSurveyCache } from '../../src-main/services/survey/score-cache';

/** Issue #5: the large demo's 100,000 responses × 20 questions; the full analysis goal is < 300 ms. */
export default async function surveyBench(ctx: BenchContext): Promise<BenchRow[]> {
  if (!ctx.largeDemoDir) return [];
  const ws = new Workspace(ctx.largeDemoDir);
  try {
    const db = ws.db;
    const id = (
      db
        .prepare(
          'SELECT survey_id AS id, count(*) AS n FROM survey_responses GROUP BY survey_id ORDER BY n DESC LIMIT 1',
        )
        .get() as { id: number }
    ).id;
    const answers = (
      db
        .prepare(
          'SELECT count(*) AS n FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id WHERE q.survey_id = ?',
        )
        .get(id) as { n: number }
    ).n;
    // median of 5 runs after one warm-up, as a manager re-opening the analysis would see it
    const median = (f: () => unknown) => {
      f();
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        f();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[2];
    };
    const quarter =
      (db.prepare('SELECT quarter FROM reviews ORDER BY quarter DESC LIMIT 1').get() as { quarter: string } | undefined)
        ?.quarter ?? '2026Q3';
    const ms = (v: number) => `${Math.round(v)} ms`;
    // once, right after the demo (or on the first read when the demo did not fill it)
    const t0 = performance.now();
    rebuildSurveyCache(db);
    const rebuild = performance.now() - t0;
    return [
      {
        what: 'survey score cache rebuild (100,000 responses; once after the demo or an outside change)',
        value: ms(rebuild),
        goal: '—',
      },
      {
        what: `survey analyze (${answers.toLocaleString('en')} answers × 20 questions: NPS+CI, per question, by salesperson)`,
        value: ms(median(() => analyzeSurvey(db, id))),
        goal: '< 300 ms (was 258–509 ms)',
      },
      {
        what: 'survey key drivers (16 items vs NPS, correlations + standardized betas)',
        value: ms(median(() => keyDrivers(db, id))),
        goal: '—',
      },
      {
        what: 'survey crosstab overall satisfaction × team (chi-square)',
        value: ms(median(() => crosstab(db, id, 2, 'team'))),
        goal: '—',
      },
      {
        what: 'survey breakdown by team (NPS, CSAT, mean)',
        value: ms(median(() => breakdown(db, id, 'team'))),
        goal: '— (was 1.9 s)',
      },
      {
        what: `survey results per salesperson for ${quarter} (for the appraisal)`,
        value: ms(median(() => surveyResultsForQuarter(db, quarter))),
        goal: 'part of the appraisal’s 500 ms (was 2.8 s)',
      },
    ];
  } finally {
    ws.close();
  }
}
