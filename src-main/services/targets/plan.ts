import type { Database } from 'better-sqlite3';
import type { SpreadMetric } from '../../contract/targets';
import { largestRemainder } from './spread';
import { emptyRow, mIdx, PERIOD_INDEX, PERIODS, rollUpRow } from './periods';

/**
 * A year's target plan in memory: the tree company → teams → salespeople, each with 17 amounts
 * (year, Q1–Q4, M1–M12) in whole yuan and a lock flag per period. The salespeople's months are the
 * ground truth; every other amount is a sum of them, so the plan reconciles by construction (P2.2).
 */
type Scope = 'company' | 'team' | 'person';
export type { SpreadMetric };

export interface PlanNode {
  scope: Scope;
  /** 0 for the company. */
  id: number;
  name: string;
  employeeNo: string | null;
  children: PlanNode[];
  parent: PlanNode | null;
  row: number[];
  locked: boolean[];
  /** For salespeople: whether the person is employed in each month (1 = at least one day). */
  available: number[];
}

export interface Plan {
  year: number;
  metric: SpreadMetric;
  company: PlanNode;
  teams: PlanNode[];
  people: PlanNode[];
  /** Amounts and locks as read, keyed like `person:12`, for the change log. */
  stored: Map<string, StoredRow>;
}

/** A node's cells as read from the database (null: no cell), with their row ids for fast updates. */
interface StoredRow {
  row: (number | null)[];
  locked: boolean[];
  ids: (number | null)[];
}

export const nodeKey = (n: { scope: Scope; id: number }) => `${n.scope}:${n.id}`;

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (year: number, m: number) => `${year}-${pad(m)}-${pad(new Date(Date.UTC(year, m, 0)).getUTCDate())}`;

/** Each month's first and last day of a year, built once per plan rather than once per person. */
function monthBounds(year: number): { starts: string[]; ends: string[] } {
  return {
    starts: Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}-01`),
    ends: Array.from({ length: 12 }, (_, i) => monthEnd(year, i + 1)),
  };
}

/** Months (1 each) in which someone hired on hireDate and leaving on leftDate works at least one day. */
function availability(
  year: number,
  hireDate: string | null,
  leftDate: string | null,
  bounds = monthBounds(year),
): number[] {
  return Array.from({ length: 12 }, (_, i) =>
    (!hireDate || hireDate <= bounds.ends[i]) && (!leftDate || leftDate >= bounds.starts[i]) ? 1 : 0,
  );
}

const node = (
  scope: Scope,
  id: number,
  name: string,
  employeeNo: string | null,
  parent: PlanNode | null,
): PlanNode => ({
  scope,
  id,
  name,
  employeeNo,
  children: [],
  parent,
  row: emptyRow(),
  locked: new Array<boolean>(17).fill(false),
  available: new Array<number>(12).fill(1),
});

/** Recomputes every amount above the salespeople's months (rows, teams, company). */
export function rollUp(plan: Plan): void {
  for (const p of plan.people) rollUpRow(p.row);
  for (const t of plan.teams) {
    t.row = emptyRow();
    for (const p of t.children) p.row.forEach((v, i) => (t.row[i] += v));
  }
  plan.company.row = emptyRow();
  for (const t of plan.teams) t.row.forEach((v, i) => (plan.company.row[i] += v));
}

/**
 * Reads a year's plan for one metric. The tree holds every salesperson with a team who is active or
 * already has a target cell that year, under the team the person belongs to now; teams without such
 * people are left out. A person stored with a year amount but no months gets it spread over the
 * months the person works (a plan typed in before months existed).
 */
export function loadPlan(db: Database, year: number, metric: SpreadMetric = 'sales'): Plan {
  // One row per node with its cells as JSON: a large plan has ≈ 17,000 cells, and better-sqlite3 builds a
  // JS array and strings per row; measured ≈ 2× faster than one raw row per cell. Amounts are integer fen,
  // exact in JSON. The unique index (year, scope, scope_id, …) groups the rows without sorting.
  const nodes = db
    .prepare(
      'SELECT scope, scope_id, json_group_array(json_array(period, amount, locked, id)) FROM target_cells WHERE year = ? AND metric = ? GROUP BY scope, scope_id',
    )
    .raw()
    .all(year, metric) as [Scope, number, string][];
  const stored = new Map<string, StoredRow>();
  for (const [scope, id, json] of nodes) {
    let s: StoredRow | undefined;
    for (const [period, amount, locked, rowId] of JSON.parse(json) as [string, number, number, number][]) {
      const i = PERIOD_INDEX[period];
      if (i === undefined) continue;
      if (!s)
        stored.set(
          `${scope}:${id}`,
          (s = {
            row: new Array<number | null>(17).fill(null),
            locked: new Array<boolean>(17).fill(false),
            ids: new Array<number | null>(17).fill(null),
          }),
        );
      s.row[i] = Math.round(amount / 100);
      s.locked[i] = locked === 1;
      s.ids[i] = rowId;
    }
  }
  const withCells = new Set(
    db
      .prepare("SELECT DISTINCT scope_id FROM target_cells WHERE year = ? AND scope = 'person'")
      .pluck()
      .all(year) as number[],
  );
  const staff = db
    .prepare(
      `SELECT s.id, s.employee_no AS employeeNo, s.name, s.team_id AS teamId, s.status, s.hire_date AS hireDate, s.left_date AS leftDate
       FROM staff s WHERE s.team_id IS NOT NULL ORDER BY s.employee_no`,
    )
    .all() as {
    id: number;
    employeeNo: string;
    name: string;
    teamId: number;
    status: string;
    hireDate: string | null;
    leftDate: string | null;
  }[];
  const teamRows = db.prepare('SELECT id, name FROM teams ORDER BY id').all() as { id: number; name: string }[];

  const company = node('company', 0, '', null, null);
  const teamById = new Map<number, PlanNode>();
  for (const t of teamRows) teamById.set(t.id, node('team', t.id, t.name, null, company));
  const people: PlanNode[] = [];
  const bounds = monthBounds(year);
  for (const s of staff) {
    const yearStart = `${year}-01-01`;
    const leftBefore = s.leftDate !== null && s.leftDate < yearStart;
    if (!withCells.has(s.id) && (s.status !== 'active' || leftBefore)) continue;
    const team = teamById.get(s.teamId);
    if (!team) continue;
    const p = node('person', s.id, s.name, s.employeeNo, team);
    p.available = availability(year, s.hireDate, s.leftDate, bounds);
    const st = stored.get(nodeKey(p));
    if (st) {
      const months = st.row.slice(5);
      if (months.every((v) => v === null) && (st.row[0] ?? 0) > 0) {
        const w = p.available.some((a) => a > 0) ? p.available : p.available.map(() => 1);
        largestRemainder(st.row[0]!, w).forEach((v, i) => (p.row[mIdx(i + 1)] = v));
      } else months.forEach((v, i) => (p.row[mIdx(i + 1)] = v ?? 0));
      p.locked = [...st.locked];
    }
    team.children.push(p);
    people.push(p);
  }
  const teams = [...teamById.values()].filter((t) => t.children.length > 0);
  for (const t of teams) {
    // Only a team's year can be locked on its own; its quarters and months are locked through its people.
    t.locked[0] = stored.get(nodeKey(t))?.locked[0] ?? false;
  }
  company.children = teams;
  company.locked[0] = stored.get('company:0')?.locked[0] ?? false;
  const plan: Plan = { year, metric, company, teams, people, stored };
  rollUp(plan);
  return plan;
}

/** Every node of the plan, company first, then each team followed by its people. */
export function allNodes(plan: Plan): PlanNode[] {
  return [plan.company, ...plan.teams.flatMap((t) => [t, ...t.children])];
}

/** Whether a cell counts as locked: its own flag, or for a team's or the company's quarter or month, all its people's. */
export function isLocked(n: PlanNode, i: number): boolean {
  if (n.scope === 'person' || i === 0) return n.locked[i];
  const people = n.scope === 'team' ? n.children : n.children.flatMap((t) => t.children);
  return people.length > 0 && people.every((p) => p.locked[i]);
}

export { PERIODS };
