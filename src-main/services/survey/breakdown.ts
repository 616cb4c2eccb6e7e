import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { Crosstab, BreakdownDimension, GroupStats } from '../../contract/survey';
import { getPlan, listQuestions } from './plans';
import { DEFAULT_LIKERT_LABELS } from '../../contract/survey';
import { maskIndexes, SCALE } from './question-options';
import { chiSquare, MIN_GROUP, npsFromCounts } from './stats';

/**
 * Results by salesperson, team, region, product, period, segment or channel, and crosstabs of a question
 * against one of them (issue #5 item 7). Every dimension is a property of the response, reached from its
 * score-cache row `x` (which carries the salesperson and the day) with only the joins that dimension
 * needs: looking up 100,000 orders for a team breakdown cost more than everything else together.
 */
const JOIN = {
  r: 'JOIN survey_responses r ON r.id = x.response_id',
  sp: 'LEFT JOIN staff sp ON sp.id = x.salesperson_id',
  t: 'LEFT JOIN teams t ON t.id = sp.team_id',
  c: 'LEFT JOIN customers c ON c.id = r.customer_id',
  o: 'LEFT JOIN orders o ON o.id = r.order_id',
  p: 'LEFT JOIN products p ON p.id = o.product_id',
};

/** key, label and joins of each dimension; responses without the property fall into one '—' group. */
const DIM: Record<BreakdownDimension, { key: string; label: string; joins: (keyof typeof JOIN)[] }> = {
  salesperson: { key: 'x.salesperson_id', label: "sp.name || ' (' || sp.employee_no || ')'", joins: ['sp'] },
  team: { key: 't.id', label: 't.name', joins: ['sp', 't'] },
  region: {
    key: 'coalesce(t.region, c.province)',
    label: 'coalesce(t.region, c.province)',
    joins: ['r', 'sp', 't', 'c'],
  },
  product: { key: 'p.id', label: 'p.name', joins: ['r', 'o', 'p'] },
  period: { key: 'substr(x.day, 1, 7)', label: 'substr(x.day, 1, 7)', joins: [] },
  segment: { key: 'c.segment', label: 'c.segment', joins: ['r', 'c'] },
  channel: { key: 'r.channel', label: 'r.channel', joins: ['r'] },
};
const joinsOf = (d: BreakdownDimension) => DIM[d].joins.map((j) => JOIN[j]).join('\n  ');

const keyOf = (k: unknown) => (k === null || k === undefined ? '' : String(k));

/**
 * Per group: responses, NPS with its interval, CSAT and mean satisfaction; groups under 30 marked too
 * small. One pass over the survey's responses and their cached scores (score-cache.ts) instead of
 * joining every 5-point answer.
 */
export function breakdown(db: Database, surveyId: number, dimension: BreakdownDimension): GroupStats[] {
  getPlan(db, surveyId);
  const d = DIM[dimension];
  const groups = db
    .prepare(
      `SELECT ${d.key} AS k, ${d.label} AS label, count(*) AS n,
              total(x.nps >= 9) AS pro, total(x.nps >= 7 AND x.nps < 9) AS pas, total(x.nps < 7) AS det,
              total(x.sat_n) AS satN, total(x.sat_sum) AS sum, total(x.sat_top) AS top
       FROM survey_response_scores x ${joinsOf(dimension)}
       WHERE x.survey_id = ? GROUP BY k`,
    )
    .all(surveyId) as {
    k: unknown;
    label: string | null;
    n: number;
    pro: number;
    pas: number;
    det: number;
    satN: number;
    sum: number;
    top: number;
  }[];
  return groups
    .map((g) => {
      const nps = npsFromCounts(g.pro, g.pas, g.det);
      return {
        key: keyOf(g.k),
        label: g.label ?? '—',
        n: g.n,
        nps: nps.score,
        ci95: nps.ci95,
        promoters: g.pro,
        detractors: g.det,
        csat: g.satN ? (100 * g.top) / g.satN : null,
        mean: g.satN ? g.sum / g.satN : null,
        tooSmall: g.n < MIN_GROUP,
      };
    })
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
}

/** A question's answers (rows: dimension groups; columns: answer categories) with Pearson's chi-square test. */
export function crosstab(
  db: Database,
  surveyId: number,
  questionId: number,
  dimension: BreakdownDimension,
  lang: 'zh-CN' | 'en' = 'en',
): Crosstab {
  getPlan(db, surveyId);
  const q = listQuestions(db, surveyId, false).find((x) => x.id === questionId);
  if (!q) throw new WorkbenchError('survey/question-not-found', { id: questionId });
  const scale = SCALE[q.type];
  let columns: string[];
  let column: (v: number) => number[];
  if (scale) {
    columns = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i));
    if (q.type === 'likert5')
      columns = (q.options.labels?.[lang] ?? DEFAULT_LIKERT_LABELS[lang]).map((l, i) => `${i + 1} ${l}`);
    column = (v) => [v - scale.min];
  } else if (q.type === 'choice' || q.type === 'multi') {
    columns = q.options.choices ?? [];
    column = q.type === 'choice' ? (v) => [v - 1] : maskIndexes;
  } else throw new WorkbenchError('survey/not-categorical', { question: q.text });
  const d = DIM[dimension];
  const rows = db
    .prepare(
      `SELECT ${d.key} AS k, ${d.label} AS label, a.value_num AS v, count(*) AS c
       FROM survey_answers a CROSS JOIN survey_response_scores x ON x.response_id = a.response_id ${joinsOf(dimension)}
       WHERE a.question_id = ? AND a.value_num IS NOT NULL AND x.survey_id = ? GROUP BY k, v`,
    )
    .all(questionId, surveyId) as { k: unknown; label: string | null; v: number; c: number }[];
  const groups = new Map<string, { key: string; label: string; counts: number[]; n: number }>();
  for (const r of rows) {
    const key = keyOf(r.k);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label: r.label ?? '—', counts: columns.map(() => 0), n: 0 }));
    g.n += r.c;
    for (const i of column(r.v)) if (i >= 0 && i < columns.length) g.counts[i] += r.c;
  }
  const list = [...groups.values()]
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label))
    .map((g) => ({ ...g, tooSmall: g.n < MIN_GROUP }));
  return {
    question: { id: q.id, text: q.text, type: q.type },
    dimension,
    rows: list,
    columns,
    test: chiSquare(list.map((g) => g.counts)),
  };
}
