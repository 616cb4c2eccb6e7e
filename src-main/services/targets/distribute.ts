import { WorkbenchError } from '../../contract/errors';
import { mIdx, PERIODS } from './periods';
import { rollUp, type Plan, type PlanNode } from './plan';
import { splitArrays } from './spread';

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

type Label = (n: PlanNode, i: number) => string;

export function hold(h: Held, n: PlanNode, i: number, value: number): void {
  let m = h.get(n);
  if (!m) h.set(n, (m = new Map()));
  m.set(i, value);
}

/**
 * Per cell, what locks determine inside it (its whole amount `fixed`, NaN when not fixed, or at least
 * `min`), the even weight of its free part (months worked that no lock holds) and the method's weight of
 * its free part (Σ leafWeight over those months). Computed once per spread, bottom-up.
 */
interface CellStats {
  fixed: Float64Array;
  min: Float64Array;
  even: Float64Array;
  weight: Float64Array;
}

const blank = (): CellStats => ({
  fixed: new Float64Array(17).fill(NaN),
  min: new Float64Array(17),
  even: new Float64Array(17),
  weight: new Float64Array(17),
});

/**
 * Cell i of `st` from its parts: held (its own lock), else the sums of the parts, fixed when every part is.
 * Parts are cells `from`..`to` of `src` (a person's months or quarters) or cell i of each of `kids`.
 */
function combine(
  st: CellStats,
  i: number,
  v: number | undefined,
  src: CellStats | readonly CellStats[],
  from: number,
  to: number,
): void {
  if (v !== undefined) {
    st.fixed[i] = v;
    st.min[i] = v;
    return;
  }
  const many = Array.isArray(src);
  const count = many ? src.length : to - from + 1;
  let all = count > 0;
  let min = 0;
  let even = 0;
  let weight = 0;
  // Summed in the parts' order, as always: history weights are large doubles and the split depends on their exact sums.
  for (let k = 0; k < count; k++) {
    const c: CellStats = many ? src[k] : (src as CellStats);
    const j = many ? i : from + k;
    min += c.min[j];
    even += c.even[j];
    weight += c.weight[j];
    if (Number.isNaN(c.fixed[j])) all = false;
  }
  st.min[i] = min;
  st.even[i] = even;
  st.weight[i] = weight;
  if (all) st.fixed[i] = min;
}

export function cellStats(
  plan: Plan,
  h: Held,
  leafWeight: (p: PlanNode, month: number) => number = () => 0,
): Map<PlanNode, CellStats> {
  const out = new Map<PlanNode, CellStats>();
  for (const p of plan.people) {
    const st = blank();
    const hp = h.get(p);
    for (let m = 1; m <= 12; m++) {
      const i = mIdx(m);
      const v = hp?.get(i);
      if (v !== undefined) {
        st.fixed[i] = v;
        st.min[i] = v;
      } else {
        st.even[i] = p.available[m - 1];
        st.weight[i] = leafWeight(p, m);
      }
    }
    for (let q = 1; q <= 4; q++) combine(st, q, hp?.get(q), st, mIdx(3 * q - 2), mIdx(3 * q));
    combine(st, 0, hp?.get(0), st, 1, 4);
    out.set(p, st);
  }
  for (const n of [...plan.teams, plan.company]) {
    const st = blank();
    const hn = h.get(n);
    const kids = n.children.map((c) => out.get(c)!);
    for (let i = 0; i < 17; i++) combine(st, i, hn?.get(i), kids, 0, 0);
    out.set(n, st);
  }
  return out;
}

// Scratch for one split at a time: a split's values are copied out before its children are split.
let sFixed = new Float64Array(64);
let sMin = new Float64Array(64);
let sWeight = new Float64Array(64);
let sFallback = new Float64Array(64);

function part(sp: Spread, j: number, c: PlanNode, i: number): void {
  const st = sp.stats.get(c)!;
  const f = st.fixed[i];
  sFixed[j] = f;
  sMin[j] = st.min[i];
  sWeight[j] = Number.isNaN(f) ? sp.weight(c, i) : 0;
  sFallback[j] = Number.isNaN(f) ? st.even[i] : 0;
}

/** Writes `value` into a cell and spreads it down to the salespeople's months. */
export function distributeCell(sp: Spread, label: Label, n: PlanNode, i: number, value: number): void {
  if (n.scope !== 'person') {
    const kids = n.children;
    if (kids.length === 0) {
      n.row[i] = value;
      return;
    }
    if (sFixed.length < kids.length)
      [sFixed, sMin, sWeight, sFallback] = [0, 0, 0, 0].map(() => new Float64Array(2 * kids.length));
    kids.forEach((c, j) => part(sp, j, c, i));
    const values = splitArrays(value, kids.length, sFixed, sMin, sWeight, sFallback, () => label(n, i));
    for (let j = 0; j < kids.length; j++) distributeCell(sp, label, kids[j], i, values[j]);
    return;
  }
  if (i > 4) {
    n.row[i] = value;
    return;
  }
  // A person's year splits into its quarters, a quarter into its months.
  const first = i === 0 ? 1 : mIdx(3 * i - 2);
  const k = i === 0 ? 4 : 3;
  for (let j = 0; j < k; j++) part(sp, j, n, first + j);
  const values = splitArrays(value, k, sFixed, sMin, sWeight, sFallback, () => label(n, i));
  for (let j = 0; j < k; j++) {
    if (i === 0) distributeCell(sp, label, n, first + j, values[j]);
    else n.row[first + j] = values[j];
  }
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
function currentSpread(plan: Plan, before: Held, after: Held): Spread {
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

const people = (n: PlanNode): PlanNode[] =>
  n.scope === 'person' ? [n] : n.scope === 'team' ? n.children : n.children.flatMap((t) => t.children);

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
    for (let a: PlanNode | null = n; a; a = a.parent)
      if (a.locked[0]) throw new WorkbenchError('targets/locked-ancestor', { cell: label(a, 0) });
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
      if (n.row[i] !== v)
        throw new Error(`target spread broke a held cell: ${n.scope}:${n.id} ${PERIODS[i]} ${n.row[i]} ≠ ${v}`);
    }
  }
}
