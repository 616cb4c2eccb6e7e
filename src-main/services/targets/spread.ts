import { WorkbenchError } from '../../contract/errors';

/**
 * Exact splitting of whole-yuan amounts (P2.2): the parts always add up to the whole. Shares are
 * computed in exact integer arithmetic (BigInt), so no floating-point drift can ever lose a yuan.
 */

// One buffer for reading doubles' bits: the BigInt path runs once per split of a history breakdown
// (≈ 6,000 on the large demo), and a fresh ArrayBuffer per weight cost as much as the arithmetic.
const bits = new DataView(new ArrayBuffer(8));

/** A double as mantissa × 2^exponent, exactly. */
function exactParts(w: number): [bigint, number] {
  bits.setFloat64(0, w);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return e === 0 ? [frac, -1074] : [frac | (1n << 52n), e - 1075];
}

/** Weights as integers in exactly the same proportions: every double is an integer times a power of two. */
function integerWeights(weights: readonly number[]): bigint[] {
  for (const w of weights) if (!Number.isFinite(w) || w < 0) throw new RangeError(`weight ${w}`);
  if (weights.every((w) => Number.isSafeInteger(w))) return weights.map((w) => BigInt(w));
  const parts = weights.map(exactParts);
  let minExp = Infinity;
  for (const [m, e] of parts) if (m > 0n && e < minExp) minExp = e;
  return parts.map(([m, e]) => (m === 0n ? 0n : m << BigInt(e - minExp)));
}

/**
 * Indices 0..n-1 ordered by remainder, largest first, ties to the earlier index. Splits of a plan have
 * 3 to ≈ 40 parts: an insertion sort there avoids a comparator call per comparison and the arrays
 * map/sort allocate (measured ≈ 3× faster on the large demo's 17,000 splits); the order is the same.
 */
function byRemainder<T extends number | bigint>(rems: readonly T[]): number[] {
  const n = rems.length;
  const order = new Array<number>(n);
  if (n > 64) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => (rems[b] > rems[a] ? 1 : rems[b] < rems[a] ? -1 : a - b));
  }
  for (let i = 0; i < n; i++) {
    const r = rems[i];
    let j = i;
    // Strictly greater moves ahead: an equal remainder stays after the earlier index.
    while (j > 0 && rems[order[j - 1]] < r) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
  return order;
}

/**
 * Largest-remainder (Hamilton) apportionment: splits `total` whole units in proportion to `weights`.
 * Each part gets the floor of its exact share; the units left over go, one each, to the parts with the
 * largest remainders (ties: the earlier part). Requires total ≥ 0 and a positive sum of weights.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total ${total}`);
  const fast = smallLargestRemainder(total, weights);
  if (fast) return fast;
  const w = integerWeights(weights);
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('weights sum to zero');
  const T = BigInt(total);
  const parts = w.map((wi) => (T * wi) / sum);
  const rems = w.map((wi) => (T * wi) % sum);
  let left = Number(T - parts.reduce((a, b) => a + b, 0n));
  const order = byRemainder(rems);
  for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1n;
  return parts.map(Number);
}

/**
 * The same apportionment in plain numbers when every product total × weight stays below 2⁵³ (exact in
 * doubles): most splits of a plan are this small, and BigInt costs ≈ 5× more. null when it does not apply.
 */
function smallLargestRemainder(total: number, weights: readonly number[]): number[] | null {
  let sum = 0;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) return null;
    sum += w;
  }
  if (sum === 0 || total * sum >= 2 ** 53) return null;
  const n = weights.length;
  const parts = new Array<number>(n);
  const rems = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const p = total * weights[i];
    let q = Math.floor(p / sum);
    let r = p - q * sum;
    // The quotient is rounded once; the exact remainder puts it right.
    if (r < 0) {
      q -= 1;
      r += sum;
    } else if (r >= sum) {
      q += 1;
      r -= sum;
    }
    parts[i] = q;
    rems[i] = r;
    given += q;
  }
  const order = byRemainder(rems);
  for (let k = 0, left = total - given; left > 0; k++, left--) parts[order[k]] += 1;
  return parts;
}

/** One part of a split: either fully determined by locks (`fixed`), or `min` (its locked part) plus a weighted share. */
interface SplitPart {
  fixed: number | null;
  min: number;
  weight: number;
  /** Used when every free part's weight is zero (e.g. an empty plan spread evenly). */
  fallback: number;
}

/** What a refused split names in its message. */
interface SplitWhere {
  label: string;
}

/**
 * Splits `total` over parts, keeping the locked amounts and spreading the remainder over the free parts
 * by weight (P2.2 hold and override). Refuses when the locks exceed the total (never a negative target)
 * and when everything is locked but does not add up.
 */
export function splitWithLocks(total: number, parts: readonly SplitPart[], where: SplitWhere): number[] {
  const held = parts.reduce((s, p) => s + (p.fixed ?? p.min), 0);
  const rest = total - held;
  if (rest < 0) throw new WorkbenchError('targets/locks-exceed', { cell: where.label, total, locked: held });
  const free = parts.map((p, i) => (p.fixed === null ? i : -1)).filter((i) => i >= 0);
  const out = parts.map((p) => p.fixed ?? p.min);
  if (rest === 0) return out;
  if (free.length === 0) throw new WorkbenchError('targets/locks-mismatch', { cell: where.label, total, locked: held });
  let weights = free.map((i) => Math.max(0, parts[i].weight));
  if (!weights.some((w) => w > 0)) weights = free.map((i) => Math.max(0, parts[i].fallback));
  if (!weights.some((w) => w > 0)) weights = free.map(() => 1);
  largestRemainder(rest, weights).forEach((share, k) => (out[free[k]] += share));
  return out;
}

/**
 * splitWithLocks over parallel arrays (fixed[j] NaN = a free part), for the 17,000 splits of a whole
 * plan: objects per part and eager labels cost more than the arithmetic. Only the first `k` entries are
 * read; the label is built only when the split is refused. Same results and refusals as splitWithLocks.
 */
export function splitArrays(
  total: number,
  k: number,
  fixed: ArrayLike<number>,
  min: ArrayLike<number>,
  weight: ArrayLike<number>,
  fallback: ArrayLike<number>,
  label: () => string,
): number[] {
  const out = new Array<number>(k);
  let held = 0;
  let free = 0;
  for (let j = 0; j < k; j++) {
    const f = fixed[j];
    out[j] = Number.isNaN(f) ? min[j] : f;
    held += out[j];
    if (Number.isNaN(f)) free++;
  }
  const rest = total - held;
  if (rest < 0) throw new WorkbenchError('targets/locks-exceed', { cell: label(), total, locked: held });
  if (rest === 0) return out;
  if (free === 0) throw new WorkbenchError('targets/locks-mismatch', { cell: label(), total, locked: held });
  const weights = new Array<number>(free);
  let positive = false;
  for (let j = 0, f = 0; j < k; j++) {
    if (!Number.isNaN(fixed[j])) continue;
    weights[f] = Math.max(0, weight[j]);
    if (weights[f++] > 0) positive = true;
  }
  if (!positive) {
    for (let j = 0, f = 0; j < k; j++) {
      if (!Number.isNaN(fixed[j])) continue;
      weights[f] = Math.max(0, fallback[j]);
      if (weights[f++] > 0) positive = true;
    }
  }
  if (!positive) weights.fill(1);
  const shares = largestRemainder(rest, weights);
  for (let j = 0, f = 0; j < k; j++) if (Number.isNaN(fixed[j])) out[j] += shares[f++];
  return out;
}
