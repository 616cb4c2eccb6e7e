import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { Driver } from '../../contract/survey';
import { npsQuestion } from './analysis';
import { getPlan, listQuestions } from './plans';
import { pearsonFromSums, standardizedBetas } from './stats';

/**
 * Key drivers (issue #5 item 8): which item scores move the NPS (or another outcome question) most.
 * For each 5-point or CES item: its Pearson correlation with the outcome over the responses that answered
 * both, and its standardized regression weight among all items, solved from the pairwise correlation
 * matrix (pairwise deletion, so a blank item does not drop the whole response). Sorted by weight.
 */
function loadColumn(db: Database, questionId: number, base: number, size: number): Float64Array {
  const col = new Float64Array(size).fill(NaN);
  // one row per distinct value with its response ids: far fewer rows than answers cross into JavaScript
  const rows = db
    .prepare(
      'SELECT value_num, group_concat(response_id) FROM survey_answers WHERE question_id = ? AND value_num IS NOT NULL GROUP BY value_num',
    )
    .raw()
    .all(questionId) as [number, string][];
  for (const [v, ids] of rows) for (const id of ids.split(',')) col[Number(id) - base] = v;
  return col;
}

function correlation(x: Float64Array, y: Float64Array): { r: number | null; n: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b) continue; // NaN: not answered
    n++;
    sx += a;
    sy += b;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  return { r: pearsonFromSums(n, sx, sy, sxx, syy, sxy), n };
}

export function keyDrivers(
  db: Database,
  surveyId: number,
  outcomeQuestionId?: number,
): { outcome: { questionId: number; text: string } | null; drivers: Driver[] } {
  const plan = getPlan(db, surveyId);
  if (plan.responses === 0) throw new WorkbenchError('survey/no-answers', { name: plan.name });
  const questions = listQuestions(db, surveyId, false);
  const outcome =
    outcomeQuestionId === undefined ? npsQuestion(questions) : questions.find((q) => q.id === outcomeQuestionId);
  if (outcomeQuestionId !== undefined && !outcome)
    throw new WorkbenchError('survey/question-not-found', { id: outcomeQuestionId });
  if (!outcome) return { outcome: null, drivers: [] };
  const items = questions.filter((q) => q.id !== outcome.id && (q.type === 'likert5' || q.type === 'ces7'));
  const range = db
    .prepare('SELECT min(id) AS lo, max(id) AS hi FROM survey_responses WHERE survey_id = ?')
    .get(surveyId) as { lo: number; hi: number };
  const size = range.hi - range.lo + 1;
  const y = loadColumn(db, outcome.id, range.lo, size);
  const cols = items.map((q) => loadColumn(db, q.id, range.lo, size));
  const ry = cols.map((c) => correlation(c, y));
  const usable = items.map((_, i) => i).filter((i) => ry[i].r !== null);
  const rxx = usable.map((i) => usable.map((j) => (i === j ? 1 : (correlation(cols[i], cols[j]).r ?? 0))));
  const betas = usable.length
    ? standardizedBetas(
        rxx,
        usable.map((i) => ry[i].r!),
      )
    : null;
  const drivers: Driver[] = items.map((q, i) => {
    let n = 0;
    let sum = 0;
    for (const v of cols[i]) {
      if (v !== v) continue; // NaN: not answered
      n++;
      sum += v;
    }
    const k = usable.indexOf(i);
    return {
      questionId: q.id,
      text: q.text,
      n,
      mean: n ? sum / n : null,
      r: ry[i].r,
      beta: betas && k >= 0 ? betas[k] : null,
    };
  });
  drivers.sort((a, b) => (b.beta ?? b.r ?? -Infinity) - (a.beta ?? a.r ?? -Infinity));
  return { outcome: { questionId: outcome.id, text: outcome.text }, drivers };
}
