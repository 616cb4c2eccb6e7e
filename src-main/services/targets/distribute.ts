import { WorkbenchError } from '../../contract/errors';
import { mIdx, PERIODS } from './periods';
import { rollUp, type Plan, type PlanNode } from './plan';
import { splitWithLocks, type SplitPart } from './spread';

/**
 * Spreading amounts down the plan (P2.2). A cell is (node, period index). Its children are the same
 * period of the node's children (company → teams → people), and for a salesperson the quarters of the
 * year and the months of a quarter. Locked cells keep their amount; the rest is spread by weight with
 * largest remainders, so every parent equals the sum of its children exactly.
 */

/** Amounts held during one operation: locked cells, plus the cell being typed in. */
export type Held = Map<PlanNode, Map<number, number>>;

/** Where a spread reads what locks hold under each cell and how much weight its free part has. */
export interface Spread {
  held: Held;
  stats: Map<PlanNode, CellStats>;
  /** Weight of the free part of a cell. */
  weight(n: PlanNode, i: number): number;
}

export type Label = (n: PlanNode, i: number) => string;

const held = (h: Held, n: PlanNode, i: number) => h.get(n)?.get(i);

export function hold(h: Held, n: PlanNode, i: number, value: number): void {
  let m = h.get(n);
  if (!m) h.set(n, (m = new Map()));
  m.set(i, value);
}

/** The cells a cell splits into. */
export function childCells(n: PlanNode, i: number): [PlanNode, number][] {
  if (n.scope !== 'person') return n.children.map((c) => [c, i]);
  if (i === 0) return [1, 2, 3, 4].map((q) => [n, q]);
  if (i <= 4) return [3 * i - 2, 3 * i - 1, 3 * i].map((m) => [n, mIdx(m)]);
  return [];
}

/**
 * Per cell, what locks determine inside it (its whole amount `fixed`, NaN when not fixed, or at least
 * `min`), the even weight of its free part (months worked that no lock holds) and the method's weight of
 * its free part (Σ leafWeight over those months). Computed once per spread, bottom-up.
 */
export interface CellStats {
  fixed: Float64Array;
  min: Float64Array;
  even: Float64Array;
  weight: Float64Array;
}

export function cellStats(plan: Plan, h: Held, leafWeight: (p: PlanNode, month: number) => number = () => 0): Map<PlanNode, CellStats> {
  const out = new Map<PlanNode, CellStats>();
  const blank = (): CellStats => ({ fixed: new Float64Array(17).fill(NaN), min: new Float64Array(17), even: new Float64Array(17), weight: new Float64Array(17) });
  const combine = (st: CellStats, i: number, parts: [CellStats, number][], n: PlanNode) => {
    const v = held(h, n, i);
    if (v !== undefined) {
      st.fixed[i] = v;
      st.min[i] = v;
      return;
    }
    let all = parts.length > 0;
    for (const [c, j] of parts) {
      st.min[i] += c.min[j];
      st.even[i] += c.even[j];
      st.weight[i] += c.weight[j];
      if (Number.isNaN(c.fixed[j])) all = false;
    }
    if (all) st.fixed[i] = st.min[i];
  };
  for (const p of plan.people) {
    const st = blank();
    for (let m = 1; m <= 12; m++) {
      const i = mIdx(m);
      const v = held(h, p, i);
      if (v !== undefined) {
        st.fixed[i] = v;
        st.min[i] = v;
      } else {
        st.even[i] = p.available[m - 1];
        st.weight[i] = leafWeight(p, m);
      }
    }
    for (let q = 1; q <= 4; q++) combine(st, q, [[st, mIdx(3 * q - 2)], [st, mIdx(3 * q - 1)], [st, mIdx(3 * q)]], p);
    combine(st, 0, [[st, 1], [st, 2], [st, 3], [st, 4]], p);
    out.set(p, st);
  }
  for (const n of [...plan.teams, plan.company]) {
    const st = blank();
    const kids = n.children.map((c) => out.get(c)!);
    for (let i = 0; i < 17; i++) combine(st, i, kids.map((c) => [c, i]), n);
    out.set(n, st);
  }
  return out;
}

/** Writes `value` into a cell and spreads it down to the salespeople's months. */
export function distributeCell(sp: Spread, label: Label, n: PlanNode, i: number, value: number): void {
  const kids = childCells(n, i);
  if (kids.length === 0) {
    n.row[i] = value;
    return;
  }
  const parts: SplitPart[] = kids.map(([c, j]) => {
    const st = sp.stats.get(c)!;
    const fixed = Number.isNaN(st.fixed[j]) ? null : st.fixed[j];
    return { fixed, min: st.min[j], weight: fixed === null ? sp.weight(c, j) : 0, fallback: fixed === null ? st.even[j] : 0 };
  });
  const values = splitWithLocks(value, parts, { label: label(n, i) });
  kids.forEach(([c, j], k) => distributeCell(sp, label, c, j, values[k]));
}

/** The amounts every locked cell of the plan holds now. */
export function lockedCells(plan: Plan): Held {
  const h: Held = new Map();
  for (const p of plan.people) p.locked.forEach((l, i) => l && hold(h, p, i, p.row[i]));
  for (const t of plan.teams) if (t.locked[0]) hold(h, t, 0, t.row[0]);
  if (plan.company.locked[0]) hold(h, plan.company, 0, plan.company.row[0]);
  return h;
}

/** Proportional spreading: each free part keeps its share of what is not held (used when a cell is typed in). */
export function currentSpread(plan: Plan, before: Held, after: Held): Spread {
  const was = cellStats(plan, before);
  return { held: after, stats: cellStats(plan, after), weight: (n, i) => Math.max(0, n.row[i] - was.get(n)!.min[i]) };
}

/** The parent cell along which a typed amount is absorbed: month → quarter → year → team → company. */
function parentCell(n: PlanNode, i: number): [PlanNode, number] | null {
  if (n.scope === 'person') {
    if (i >= 5) return [n, Math.ceil((i - 4) / 3)];
    if (i >= 1) return [n, 0];
    return [n.parent!, 0];
  }
  if (n.scope === 'team' && i === 0) return [n.parent!, 0];
  return null;
}

const people = (n: PlanNode): PlanNode[] => (n.scope === 'person' ? [n] : n.scope === 'team' ? n.children : n.children.flatMap((t) => t.children));

/**
 * Types an amount into one cell (P2.2 editing): the cell's children are re-spread in proportion to what
 * they hold (locked ones kept); the sums above follow. When a cell above is locked, the difference is
 * taken from (or given to) the unlocked cells under that locked cell instead, so the lock holds.
 * A team's or the company's quarter or month is spread over its people, leaving out anyone whose year,
 * quarter or team is locked. Refuses, changing nothing, when locks leave no room.
 */
export function setCell(plan: Plan, n: PlanNode, i: number, value: number, label: Label): void {
  const before = lockedCells(plan);
  const after = lockedCells(plan);
  let root: [PlanNode, number] = [n, i];
  if (n.scope !== 'person' && i !== 0) {
    // A column cell of a team or the company: its own year (and the company's) would change too.
    for (let a: PlanNode | null = n; a; a = a.parent) if (a.locked[0]) throw new WorkbenchError('targets/locked-ancestor', { cell: label(a, 0) });
    const ps = people(n);
    const allLocked = ps.length > 0 && ps.every((p) => p.locked[i]);
    for (const p of ps) {
      if (allLocked) {
        // Typing into a cell whose people are all locked changes them (they stay locked).
        before.get(p)?.delete(i);
        after.get(p)?.delete(i);
      }
      const q = i >= 5 ? Math.ceil((i - 4) / 3) : 0;
      const frozen = p.locked[0] || (q > 0 && p.locked[q]) || p.parent!.locked[0];
      if (frozen) {
        hold(before, p, i, p.row[i]);
        hold(after, p, i, p.row[i]);
      }
    }
  } else {
    for (let c = parentCell(n, i); c; c = parentCell(c[0], c[1])) {
      if (c[0].locked[c[1]]) {
        root = c;
        break;
      }
    }
  }
  hold(before, n, i, n.row[i]);
  hold(after, n, i, value);
  const rootValue = root[0] === n && root[1] === i ? value : root[0].row[root[1]];
  distributeCell(currentSpread(plan, before, after), label, root[0], root[1], rootValue);
  rollUp(plan);
  assertLocksHeld(after);
}

/** A safety net: after any spread, every held cell must still hold its amount. */
export function assertLocksHeld(h: Held): void {
  for (const [n, m] of h) {
    for (const [i, v] of m) {
      if (n.row[i] !== v) throw new Error(`target spread broke a held cell: ${n.scope}:${n.id} ${PERIODS[i]} ${n.row[i]} ≠ ${v}`);
    }
  }
}
