import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { WaveComparison } from './stats';
import type { WaveTrendPoint } from '../../contract/survey';
import { npsQuestion } from './analysis';
import { getPlan, listQuestions } from './plans';
import { compareNps, npsFromCounts } from './stats';

/** NPS and CSAT of one survey (one wave). */
function wavePoint(db: Database, surveyId: number): WaveTrendPoint {
  const plan = getPlan(db, surveyId);
  const q = npsQuestion(listQuestions(db, surveyId, false));
  // from the score cache that getPlan brought up to date (score-cache.ts)
  const c = db
    .prepare(
      'SELECT total((value_num >= 9) * n) AS pro, total((value_num >= 7 AND value_num < 9) * n) AS pas, total((value_num < 7) * n) AS det FROM survey_value_counts WHERE question_id = ?',
    )
    .get(q?.id ?? -1) as { pro: number; pas: number; det: number };
  const s = db
    .prepare('SELECT total(sat_n) AS n, total(sat_top) AS top FROM survey_response_scores WHERE survey_id = ?')
    .get(surveyId) as { n: number; top: number };
  return {
    surveyId,
    name: plan.name,
    endDate: plan.endDate ?? plan.startDate,
    nps: npsFromCounts(c.pro, c.pas, c.det),
    csat: s.n ? (100 * s.top) / s.n : null,
    change: null,
  };
}

/** The chain of waves ending at this survey (following "previous wave"), oldest first, each compared with the one before (issue #5 items 7, 10). */
export function waveTrend(db: Database, surveyId: number): WaveTrendPoint[] {
  const chain: number[] = [];
  for (let cur: number | null = surveyId; cur !== null && !chain.includes(cur);) {
    chain.unshift(cur);
    cur =
      (
        db.prepare('SELECT previous_wave_id AS prev FROM surveys WHERE id = ?').get(cur) as
          { prev: number | null } | undefined
      )?.prev ?? null;
  }
  const points = chain.map((id) => wavePoint(db, id));
  for (let i = 1; i < points.length; i++) points[i].change = compareNps(points[i - 1].nps, points[i].nps);
  return points;
}

/** Two waves side by side with a z-test of the NPS change (stats.ts compareNps). */
export function compareWaves(
  db: Database,
  earlierId: number,
  laterId: number,
): { earlier: WaveTrendPoint; later: WaveTrendPoint; change: WaveComparison } {
  if (earlierId === laterId) throw new WorkbenchError('survey/same-wave');
  const earlier = wavePoint(db, earlierId);
  const later = wavePoint(db, laterId);
  if (earlier.nps.n === 0 || later.nps.n === 0)
    throw new WorkbenchError('survey/no-answers', { name: earlier.nps.n === 0 ? earlier.name : later.name });
  return { earlier, later, change: compareNps(earlier.nps, later.nps) };
}
