import type { Database } from 'better-sqlite3';
import type {
  AppraisalComputed,
  AppraisalKpiCell,
  AppraisalOutcome,
  AppraisalPerson,
  AppraisalShow,
} from '../../contract/appraisal';
import { peerWeightOf, type SchemeDefinition } from '../../contract/appraisal-scheme';
import type { Lang } from '../../i18n/messages';
import { missingRatings, type ComputeResult, type KpiValueRow } from './compute';
import { effectiveRating, type PeerAggregate } from './peers';
import { personId, requireAppraisal, type AppraisalRow } from './appraisal-store';
import { schemeById } from './scheme';

interface EntryRow {
  staffId: number;
  employeeNo: string;
  name: string;
  team: string | null;
  title: string | null;
  total: number | null;
  grade: string | null;
  adjusted: number | null;
  adjustReason: string | null;
  adjustedBy: string | null;
  adjustedAt: string | null;
  feedback: string | null;
  selfAssessment: string | null;
}

/** The whole appraisal of a quarter as the grid, the report and `review show --json` see it (cli.md). */
export function showAppraisal(db: Database, lang: Lang, quarter: string, person?: string): AppraisalShow {
  const appraisal = requireAppraisal(db, quarter);
  const { version, definition } = schemeById(db, appraisal.schemeId);
  const only = person ? [personId(db, person).id] : null;
  return {
    quarter,
    status: appraisal.status,
    computedAt: appraisal.computedAt,
    scheme: schemeColumns(definition, version, lang),
    people: appraisalPeople(db, lang, appraisal, definition, only),
    summary: summarize(db, appraisal, definition, only),
  };
}

/**
 * What `appraisal/compute` answers (issue 12 item 12): the appraisal's status, scheme and summary as
 * `appraisal/show` gives them, and only the people the computation changed, with those it removed.
 */
export function computedAppraisal(db: Database, lang: Lang, r: ComputeResult): AppraisalComputed {
  const { appraisal } = r;
  const { version, definition } = schemeById(db, appraisal.schemeId);
  const summary = summarize(db, appraisal, definition, null);
  const everyone = r.changed.length === summary.people;
  const employeeNo = db.prepare('SELECT employee_no FROM staff WHERE id = ?').pluck();
  return {
    quarter: appraisal.quarter,
    status: appraisal.status,
    computedAt: appraisal.computedAt!,
    previousComputedAt: r.previousComputedAt,
    scheme: schemeColumns(definition, version, lang),
    summary,
    changed:
      r.changed.length === 0 ? [] : appraisalPeople(db, lang, appraisal, definition, everyone ? null : r.changed),
    removed: r.removed.map((id) => employeeNo.get(id) as string),
  };
}

/**
 * The SQL that limits a read to some people of the appraisal (`only`), or to none of them when null: on
 * review_entries as `e` (filter) and on a table of its own rows (own), with their arguments.
 */
function scope(appraisal: AppraisalRow, only: number[] | null) {
  const ids = 'IN (SELECT value FROM json_each(@only))';
  return {
    filter: only === null ? '' : `AND e.staff_id ${ids}`,
    own: only === null ? '' : `AND staff_id ${ids}`,
    args: { appraisal: appraisal.id, only: only === null ? null : JSON.stringify(only) },
  };
}

/** The people of an appraisal as the grid shows them (all, or those of `only`), by team and employee number. */
function appraisalPeople(
  db: Database,
  lang: Lang,
  appraisal: AppraisalRow,
  definition: SchemeDefinition,
  only: number[] | null,
): AppraisalPerson[] {
  const { filter, own, args } = scope(appraisal, only);
  const entries = db
    .prepare(
      `SELECT e.staff_id AS staffId, s.employee_no AS employeeNo, s.name, t.name AS team, s.title, e.total, e.grade,
              e.adjusted_total AS adjusted, e.adjust_reason AS adjustReason, e.adjusted_by AS adjustedBy, e.adjusted_at AS adjustedAt,
              e.feedback, e.self_assessment AS selfAssessment
       FROM review_entries e JOIN staff s ON s.id = e.staff_id LEFT JOIN teams t ON t.id = s.team_id
       WHERE e.review_id = @appraisal ${filter} ORDER BY t.name, s.employee_no`,
    )
    .all(args) as EntryRow[];
  const cells = new Map<number, Record<string, AppraisalKpiCell>>();
  const values = db
    .prepare(
      `SELECT staff_id AS s, kpi_key AS k, value, score, target, actual FROM review_kpi_values WHERE review_id = @appraisal ${own}`,
    )
    .all(args) as KpiValueRow[];
  for (const v of values) {
    if (!cells.has(v.s)) cells.set(v.s, {});
    const cell: AppraisalKpiCell = { value: v.value, score: v.score };
    if (v.actual !== null)
      Object.assign(cell, { target: v.target === null ? null : v.target / 100, actual: v.actual / 100 });
    cells.get(v.s)![v.k] = cell;
  }
  const notes = db
    .prepare(
      `SELECT staff_id AS s, kpi_key AS k, note FROM review_ratings WHERE review_id = @appraisal AND note IS NOT NULL ${own}`,
    )
    .all(args) as {
    s: number;
    k: string;
    note: string;
  }[];
  for (const n of notes) {
    const cell = cells.get(n.s)?.[n.k];
    if (cell) cell.note = n.note;
  }
  addPeerParts(db, definition, cells, args, own);
  const outcomes = new Map<number, AppraisalOutcome[]>();
  const ruleLabel = (key: string | null) =>
    key ? definition.rules.find((r) => r.key === key)?.label[lang] : undefined;
  const outcomeRows = db
    .prepare(
      `SELECT id, staff_id AS s, type, amount, reason, clause, rule_key AS ruleKey, status, decided_by AS decidedBy, decided_at AS decidedAt
       FROM review_outcomes WHERE review_id = @appraisal ${own} ORDER BY id`,
    )
    .all(args) as (AppraisalOutcome & { s: number })[];
  for (const { s, ...o } of outcomeRows) {
    if (!outcomes.has(s)) outcomes.set(s, []);
    outcomes
      .get(s)!
      .push({ ...o, amount: o.amount === null ? null : o.amount / 100, reason: ruleLabel(o.ruleKey) ?? o.reason });
  }
  return entries.map((e) => {
    const kpis = cells.get(e.staffId) ?? {};
    return {
      staffId: e.staffId,
      employeeNo: e.employeeNo,
      name: e.name,
      team: e.team,
      title: e.title,
      kpis,
      total: e.adjusted ?? e.total,
      originalTotal: e.total,
      adjustment:
        e.adjusted === null
          ? null
          : { total: e.adjusted, reason: e.adjustReason ?? '', by: e.adjustedBy ?? '', at: e.adjustedAt ?? '' },
      grade: e.grade,
      // the manager has rated every rated KPI (peers alone never make a rating, P6.1)
      complete: definition.kpis.every((k) => k.source !== 'rated' || (kpis[k.key]?.score ?? null) !== null),
      outcomes: outcomes.get(e.staffId) ?? [],
      feedback: e.feedback,
      selfAssessment: e.selfAssessment,
    };
  });
}

/**
 * Rated KPIs with a peer weight (P6.1 teamwork): beside the effective rating (`value`), the manager's
 * own level and the peers' part, so that the window and the report can explain the blend.
 */
function addPeerParts(
  db: Database,
  def: SchemeDefinition,
  cells: Map<number, Record<string, AppraisalKpiCell>>,
  args: ReturnType<typeof scope>['args'],
  own: string,
): void {
  const kpis = def.kpis.filter((k) => peerWeightOf(k) > 0);
  if (kpis.length === 0) return;
  const keys = new Set(kpis.map((k) => k.key));
  const manager = new Map<string, number>();
  for (const r of db
    .prepare(`SELECT staff_id AS s, kpi_key AS k, score FROM review_ratings WHERE review_id = @appraisal ${own}`)
    .all(args) as { s: number; k: string; score: number }[]) {
    if (keys.has(r.k)) manager.set(`${r.s}:${r.k}`, r.score);
  }
  const peers = new Map<string, PeerAggregate>();
  const rows = db
    .prepare(
      `SELECT staff_id AS s, kpi_key AS k, COUNT(*) AS count, SUM(level) AS sum FROM review_peer_ratings WHERE review_id = @appraisal ${own} GROUP BY staff_id, kpi_key`,
    )
    .all(args) as { s: number; k: string; count: number; sum: number }[];
  for (const r of rows) peers.set(`${r.s}:${r.k}`, { count: r.count, sum: r.sum });
  for (const [s, byKey] of cells) {
    for (const k of kpis) {
      const cell = byKey[k.key];
      if (!cell) continue;
      const e = effectiveRating(k, manager.get(`${s}:${k.key}`) ?? null, peers.get(`${s}:${k.key}`));
      cell.rating = e.manager;
      cell.peers = { mean: e.peerMean, count: e.peerCount, weight: e.weight, min: e.min, counted: e.counted };
    }
  }
}

function schemeColumns(def: SchemeDefinition, version: number, lang: Lang): AppraisalShow['scheme'] {
  return {
    version,
    kpis: def.kpis.map((k) => ({
      key: k.key,
      label: k.label[lang],
      weight: k.weight,
      source: k.source,
      dimension: k.dimension,
    })),
    grades: def.grades.map((g) => ({ grade: g.grade, min: g.min })),
  };
}

/**
 * The figures above the grid, summed in the database: the same for `appraisal/show` and for
 * `appraisal/compute`, which does not read every person. Money is summed in fen, then turned into yuan.
 */
function summarize(
  db: Database,
  appraisal: AppraisalRow,
  def: SchemeDefinition,
  only: number[] | null,
): AppraisalShow['summary'] {
  const { filter, args } = scope(appraisal, only);
  const grades: Record<string, number> = Object.fromEntries(def.grades.map((g) => [g.grade, 0]));
  let people = 0;
  for (const r of db
    .prepare(
      `SELECT e.grade, COUNT(*) AS n FROM review_entries e JOIN staff s ON s.id = e.staff_id
       WHERE e.review_id = @appraisal ${filter} GROUP BY e.grade`,
    )
    .all(args) as { grade: string | null; n: number }[]) {
    people += r.n;
    if (r.grade !== null) grades[r.grade] = (grades[r.grade] ?? 0) + r.n;
  }
  let bonusFen = 0;
  let deductionFen = 0;
  let proposed = 0;
  for (const r of db
    .prepare(
      `SELECT o.type, o.status, COUNT(*) AS n, COALESCE(SUM(o.amount), 0) AS fen
       FROM review_outcomes o JOIN review_entries e ON e.review_id = o.review_id AND e.staff_id = o.staff_id
       WHERE o.review_id = @appraisal AND o.status <> 'rejected' ${filter} GROUP BY o.type, o.status`,
    )
    .all(args) as { type: string; status: string; n: number; fen: number }[]) {
    if (r.status === 'proposed') proposed += r.n;
    if (r.type === 'bonus') bonusFen += r.fen;
    if (r.type === 'deduction') deductionFen += r.fen;
  }
  return {
    people,
    missingRatings: missingRatings(db, appraisal),
    bonusCost: bonusFen / 100,
    deductions: deductionFen / 100,
    grades,
    proposedOutcomes: proposed,
  };
}
