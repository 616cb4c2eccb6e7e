import type { Database } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { Crosstab, Dimension, GroupStats } from '../../contract/survey';
import { npsQuestion } from './analysis';
import { getPlan, listQuestions } from './plans';
import { DEFAULT_LIKERT_LABELS, maskIndexes, SCALE } from './question-options';
import { chiSquare, MIN_GROUP, npsFromCounts } from './stats';

/**
 * Results by salesperson, team, region, product, period, segment or channel, and crosstabs of a question
 * against one of them (issue #5 item 7). Every dimension is a property of the response, reached by joins.
 */
const JOINS = `FROM survey_responses r
  LEFT JOIN staff sp ON sp.id = r.salesperson_id
  LEFT JOIN teams t ON t.id = sp.team_id
  LEFT JOIN customers c ON c.id = r.customer_id
  LEFT JOIN orders o ON o.id = r.order_id
  LEFT JOIN products p ON p.id = o.product_id`;

/** key and label of each dimension; responses without the property fall into one '—' group. */
const DIM: Record<Dimension, { key: string; label: string }> = {
  salesperson: { key: 'r.salesperson_id', label: "sp.name || ' (' || sp.employee_no || ')'" },
  team: { key: 't.id', label: 't.name' },
  region: { key: 'coalesce(t.region, c.province)', label: 'coalesce(t.region, c.province)' },
  product: { key: 'p.id', label: 'p.name' },
  period: { key: 'substr(r.submitted_at, 1, 7)', label: 'substr(r.submitted_at, 1, 7)' },
  segment: { key: 'c.segment', label: 'c.segment' },
  channel: { key: 'r.channel', label: 'r.channel' },
};

const keyOf = (k: unknown) => (k === null || k === undefined ? '' : String(k));

/** Per group: responses, NPS with its interval, CSAT and mean satisfaction; groups under 30 marked too small. */
export function breakdown(db: Database, surveyId: number, dimension: Dimension): GroupStats[] {
  getPlan(db, surveyId);
  const d = DIM[dimension];
  const npsQ = npsQuestion(listQuestions(db, surveyId, false));
  const base = db
    .prepare(
      `SELECT ${d.key} AS k, ${d.label} AS label, count(*) AS n,
              total(a.value_num >= 9) AS pro, total(a.value_num >= 7 AND a.value_num < 9) AS pas, total(a.value_num < 7) AS det
       ${JOINS} LEFT JOIN survey_answers a ON a.response_id = r.id AND a.question_id = ?
       WHERE r.survey_id = ? GROUP BY k`,
    )
    .all(npsQ?.id ?? -1, surveyId) as { k: unknown; label: string | null; n: number; pro: number; pas: number; det: number }[];
  const sat = new Map(
    (
      db
        .prepare(
          `SELECT ${d.key} AS k, count(*) AS n, total(a.value_num) AS sum, total(a.value_num >= 4) AS top
           ${JOINS} JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q ON q.id = a.question_id AND q.type = 'likert5'
           WHERE r.survey_id = ? AND a.value_num BETWEEN 1 AND 5 GROUP BY k`,
        )
        .all(surveyId) as { k: unknown; n: number; sum: number; top: number }[]
    ).map((r) => [keyOf(r.k), r]),
  );
  return base
    .map((g) => {
      const nps = npsFromCounts(g.pro, g.pas, g.det);
      const l = sat.get(keyOf(g.k));
      return {
        key: keyOf(g.k),
        label: g.label ?? '—',
        n: g.n,
        nps: nps.score,
        ci95: nps.ci95,
        promoters: g.pro,
        detractors: g.det,
        csat: l && l.n ? (100 * l.top) / l.n : null,
        mean: l && l.n ? l.sum / l.n : null,
        tooSmall: g.n < MIN_GROUP,
      };
    })
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
}

/** A question's answers (rows: dimension groups; columns: answer categories) with Pearson's chi-square test. */
export function crosstab(db: Database, surveyId: number, questionId: number, dimension: Dimension, lang: 'zh-CN' | 'en' = 'en'): Crosstab {
  getPlan(db, surveyId);
  const q = listQuestions(db, surveyId, false).find((x) => x.id === questionId);
  if (!q) throw new WorkbenchError('survey/question-not-found', { id: questionId });
  const scale = SCALE[q.type];
  let columns: string[];
  let column: (v: number) => number[];
  if (scale) {
    columns = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i));
    if (q.type === 'likert5') columns = (q.options.labels?.[lang] ?? DEFAULT_LIKERT_LABELS[lang]).map((l, i) => `${i + 1} ${l}`);
    column = (v) => [v - scale.min];
  } else if (q.type === 'choice' || q.type === 'multi') {
    columns = q.options.choices ?? [];
    column = q.type === 'choice' ? (v) => [v - 1] : maskIndexes;
  } else throw new WorkbenchError('survey/not-categorical', { question: q.text });
  const d = DIM[dimension];
  const rows = db
    .prepare(
      `SELECT ${d.key} AS k, ${d.label} AS label, a.value_num AS v, count(*) AS c
       ${JOINS} JOIN survey_answers a ON a.response_id = r.id AND a.question_id = ?
       WHERE r.survey_id = ? AND a.value_num IS NOT NULL GROUP BY k, v`,
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
  const list = [...groups.values()].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label)).map((g) => ({ ...g, tooSmall: g.n < MIN_GROUP }));
  return { question: { id: q.id, text: q.text, type: q.type }, dimension, rows: list, columns, test: chiSquare(list.map((g) => g.counts)) };
}
