import type { Database, Statement } from 'better-sqlite3';
import { WorkbenchError } from '../../contract/errors';
import type { SchemeDefinition } from '../../contract/appraisal-scheme';
import type { Lang } from '../../i18n/messages';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { buildBasis } from './basis';
import { quarterPopulation } from './data-sources';
import { evaluatePerson, type Evaluation } from './evaluate';
import { assertChangeable, findAppraisal, requireAppraisal, SCORING_OPEN, type AppraisalRow } from './appraisal-store';
import { ensureSchemeRow, schemeById } from './scheme';
import { validateScheme } from './scheme-rules';

export interface ComputeResult {
  appraisal: AppraisalRow;
  /** When it had been computed before this run (null the first time). */
  previousComputedAt: string | null;
  /** The people whose figures changed, new people included (rescore's answer). */
  changed: number[];
  /** The people who were appraised and are not any more. */
  removed: number[];
}

/**
 * Computes (or recomputes) the quarter's appraisal (P6.1–P6.3): creates the appraisal on first use with
 * the quarter's scheme, scores every appraised salesperson and proposes outcomes. Ratings, feedback,
 * adjustments and the manager's decisions on unchanged outcomes are kept. Says who changed.
 */
export function computeAppraisal(ctx: ServiceContext, quarter: string): ComputeResult {
  const { db } = ctx;
  return db.transaction(() => {
    let appraisal = findAppraisal(db, quarter);
    const previousComputedAt = appraisal?.computedAt ?? null;
    assertChangeable(appraisal, SCORING_OPEN);
    if (!appraisal) {
      const schemeId = ensureSchemeRow(db, quarter);
      db.prepare("INSERT INTO reviews (quarter, scheme_id, status) VALUES (?, ?, 'draft')").run(quarter, schemeId);
      appraisal = requireAppraisal(db, quarter);
      audit(db, {
        actor: ctx.actor,
        entity: 'review',
        entityId: quarter,
        field: 'status',
        newValue: 'draft',
        reason: 'created',
      });
    }
    const population = quarterPopulation(db, quarter);
    if (population.length === 0) throw new WorkbenchError('review/no-people', { quarter });
    const appraised = new Set(population);
    const gone = (
      db.prepare('SELECT staff_id AS s FROM review_entries WHERE review_id = ?').all(appraisal.id) as { s: number }[]
    )
      .map((r) => r.s)
      .filter((s) => !appraised.has(s));
    for (const s of gone) removeEntry(db, appraisal.id, s);
    const changed = rescore(ctx, appraisal, population);
    db.prepare('UPDATE reviews SET computed_at = ? WHERE id = ?').run(nowIso(), appraisal.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'review',
      entityId: quarter,
      field: 'computed',
      newValue: { people: population.length },
    });
    return { appraisal: requireAppraisal(db, quarter), previousComputedAt, changed, removed: gone };
  })();
}

function removeEntry(db: Database, appraisalId: number, staffId: number): void {
  db.prepare('DELETE FROM review_kpi_values WHERE review_id = ? AND staff_id = ?').run(appraisalId, staffId);
  db.prepare('DELETE FROM review_outcomes WHERE review_id = ? AND staff_id = ?').run(appraisalId, staffId);
  db.prepare('DELETE FROM review_entries WHERE review_id = ? AND staff_id = ?').run(appraisalId, staffId);
}

interface Writer {
  entry: Statement;
  oldEntry: Statement;
  delValues: Statement;
  allValues: Statement;
  personValues: Statement;
  value: Statement;
  oldOutcomes: Statement;
  delOutcome: Statement;
  outcome: Statement;
  auditRow: Statement;
}

function writer(db: Database, kpiCount: number): Writer {
  // one statement writes a person's KPI rows: fewer round trips for 1,000 people × 9 KPIs
  const tuples = Array.from({ length: kpiCount }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
  return {
    entry: db.prepare(
      `INSERT INTO review_entries (review_id, staff_id, total, grade) VALUES (?, ?, ?, ?)
       ON CONFLICT (review_id, staff_id) DO UPDATE SET total = excluded.total, grade = excluded.grade`,
    ),
    oldEntry: db.prepare('SELECT total, grade FROM review_entries WHERE review_id = ? AND staff_id = ?'),
    delValues: db.prepare('DELETE FROM review_kpi_values WHERE review_id = ? AND staff_id = ?'),
    allValues: db.prepare(
      'SELECT staff_id AS s, kpi_key AS k, value, score, target, actual FROM review_kpi_values WHERE review_id = ? ORDER BY staff_id, kpi_key',
    ),
    personValues: db.prepare(
      'SELECT staff_id AS s, kpi_key AS k, value, score, target, actual FROM review_kpi_values WHERE review_id = ? AND staff_id = ? ORDER BY kpi_key',
    ),
    value: db.prepare(
      `INSERT INTO review_kpi_values (review_id, staff_id, kpi_key, value, score, target, actual) VALUES ${tuples}`,
    ),
    oldOutcomes: db.prepare(
      'SELECT id, type, amount, rule_key AS ruleKey, status FROM review_outcomes WHERE review_id = ? AND staff_id = ? AND rule_key IS NOT NULL',
    ),
    delOutcome: db.prepare('DELETE FROM review_outcomes WHERE id = ?'),
    outcome: db.prepare(
      "INSERT INTO review_outcomes (review_id, staff_id, type, amount, reason, clause, rule_key, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'proposed')",
    ),
    auditRow: db.prepare(
      'INSERT INTO audit_log (at, actor, entity, entity_id, field, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}

/**
 * Scores the given people of an appraisal with its current scheme and sets draft/rated from the ratings'
 * completeness. Answers the people whose figures changed: the total, the grade, a KPI's value, score,
 * target or actual, or an outcome proposed or withdrawn (and the people who had no entry yet).
 */
export function rescore(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'lang'>,
  appraisal: AppraisalRow,
  staffIds: number[],
): number[] {
  const { db } = ctx;
  const { definition } = schemeById(db, appraisal.schemeId);
  validateScheme(definition);
  const basis = buildBasis(db, appraisal.quarter, appraisal.id, [definition], staffIds);
  const w = writer(db, definition.kpis.length);
  const at = nowIso();
  const everyone =
    staffIds.length ===
    (db.prepare('SELECT COUNT(*) AS n FROM review_entries WHERE review_id = ?').get(appraisal.id) as { n: number }).n;
  // Each person's KPI rows before, to tell who changed: only a changed person's rows are written again
  // (a recompute of 1,000 people with nothing new rewrote 9,000 rows and 1,000 entries).
  const before = new Map<number, string>();
  const oldValues = (everyone ? w.allValues.all(appraisal.id) : []) as KpiValueRow[];
  for (const r of oldValues) before.set(r.s, (before.get(r.s) ?? '') + valueKey(r));
  const byKey = [...definition.kpis].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const changed: number[] = [];
  for (const id of staffIds) {
    const p = basis.people.get(id)!;
    const ev = evaluatePerson(definition, p);
    const old = w.oldEntry.get(appraisal.id, id) as { total: number | null; grade: string | null } | undefined;
    const entryChanged = !old || old.total !== ev.originalTotal || old.grade !== ev.grade;
    if (entryChanged) w.entry.run(appraisal.id, id, ev.originalTotal, ev.grade);
    if (old && entryChanged) {
      w.auditRow.run(
        at,
        ctx.actor,
        'review_entry',
        `${appraisal.quarter}:${id}`,
        'total',
        JSON.stringify(old),
        JSON.stringify({ total: ev.originalTotal, grade: ev.grade }),
        'recomputed',
      );
    }
    const row = (k: SchemeDefinition['kpis'][number]): KpiValueRow => {
      const completion = k.source === 'completion';
      return {
        s: id,
        k: k.key,
        value: ev.values[k.key] ?? null,
        score: ev.scores[k.key] ?? null,
        target: completion ? (p.facts?.target ?? null) : null,
        actual: completion ? (p.facts?.sales ?? 0) : null,
      };
    };
    const was = everyone
      ? (before.get(id) ?? '')
      : (w.personValues.all(appraisal.id, id) as KpiValueRow[]).map(valueKey).join('');
    const valuesChanged = was !== byKey.map((k) => valueKey(row(k))).join('');
    if (valuesChanged) {
      w.delValues.run(appraisal.id, id);
      w.value.run(
        definition.kpis.flatMap((k) => {
          const r = row(k);
          return [appraisal.id, id, r.k, r.value, r.score, r.target, r.actual];
        }),
      );
    }
    const outcomesChanged = mergeOutcomes(w, ctx.actor, ctx.lang, appraisal, id, definition, ev, at);
    if (entryChanged || valuesChanged || outcomesChanged) changed.push(id);
  }
  refreshStatus(db, appraisal);
  return changed;
}

/** One row of review_kpi_values as the services read it (money in fen). */
export interface KpiValueRow {
  s: number;
  k: string;
  value: number | null;
  score: number | null;
  target: number | null;
  actual: number | null;
}

/** One KPI row as text, to compare a person's rows before and after (in the order of the KPI keys). */
const valueKey = (r: KpiValueRow) => `${r.k}\u0000${r.value}\u0000${r.score}\u0000${r.target}\u0000${r.actual}\u0001`;

/**
 * New proposals replace old ones; a decision on an outcome that is proposed again (same rule, type and
 * amount) is kept. True when an outcome was proposed or withdrawn.
 */
function mergeOutcomes(
  w: Writer,
  actor: string,
  lang: Lang,
  appraisal: AppraisalRow,
  staffId: number,
  def: SchemeDefinition,
  ev: Evaluation,
  at: string,
): boolean {
  const old = w.oldOutcomes.all(appraisal.id, staffId) as {
    id: number;
    type: string;
    amount: number | null;
    ruleKey: string;
    status: string;
  }[];
  let changed = false;
  for (const o of ev.outcomes) {
    const fen = o.amount === null ? null : Math.round(o.amount * 100);
    const same = old.findIndex((x) => x.ruleKey === o.ruleKey && x.type === o.type && x.amount === fen);
    if (same >= 0) {
      old.splice(same, 1);
      continue;
    }
    const label = def.rules.find((r) => r.key === o.ruleKey)!.label[lang];
    w.outcome.run(appraisal.id, staffId, o.type, fen, label, o.clause, o.ruleKey);
    changed = true;
  }
  for (const x of old) {
    changed = true;
    w.delOutcome.run(x.id);
    if (x.status !== 'proposed') {
      w.auditRow.run(
        at,
        actor,
        'review_outcome',
        String(x.id),
        'status',
        x.status,
        null,
        `withdrawn on recompute (${appraisal.quarter})`,
      );
    }
  }
  return changed;
}

/** draft ↔ rated follows whether every rated KPI of every person has a rating. */
export function refreshStatus(db: Database, appraisal: AppraisalRow): void {
  if (!SCORING_OPEN.includes(appraisal.status)) return;
  const missing = missingRatings(db, appraisal);
  const next = missing === 0 ? 'rated' : 'draft';
  if (next !== appraisal.status) db.prepare('UPDATE reviews SET status = ? WHERE id = ?').run(next, appraisal.id);
}

/** How many (person, rated KPI) pairs still lack a rating. */
export function missingRatings(db: Database, appraisal: AppraisalRow): number {
  const { definition } = schemeById(db, appraisal.schemeId);
  const rated = definition.kpis.filter((k) => k.source === 'rated').map((k) => k.key);
  if (rated.length === 0) return 0;
  const people = (
    db.prepare('SELECT COUNT(*) AS n FROM review_entries WHERE review_id = ?').get(appraisal.id) as { n: number }
  ).n;
  const have = (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM review_ratings r JOIN review_entries e ON e.review_id = r.review_id AND e.staff_id = r.staff_id
         WHERE r.review_id = ? AND r.kpi_key IN (${rated.map(() => '?').join(',')})`,
      )
      .get(appraisal.id, ...rated) as { n: number }
  ).n;
  return people * rated.length - have;
}
