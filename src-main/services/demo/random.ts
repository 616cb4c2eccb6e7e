/** A seeded random number generator returning floats in [0, 1). */
export type Rng = () => number;

/** FNV-1a hash of a text, used to give each generation phase its own random stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * mulberry32: tiny and fast, good enough for demo data. Each phase (staff, orders, survey…) draws from
 * its own stream, so changing one phase does not reshuffle the data of the others.
 */
export function makeRng(seed: number, stream: string): Rng {
  let a = (seed ^ hash(stream)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [lo, hi], both included. */
export function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** A standard normal deviate (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Index into a list favouring its start: `skew` > 1 makes the first items more likely. */
export function pickSkewed(rng: Rng, length: number, skew: number): number {
  return Math.floor(length * rng() ** skew);
}

export function shuffle<T extends { [i: number]: unknown; length: number }>(rng: Rng, items: T): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/** Running sums of the weights, for pickWeighted. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const cum = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) cum[i] = s += weights[i];
  return cum;
}

/** An index drawn with probability proportional to its weight (binary search over running sums). */
export function pickWeighted(rng: Rng, cum: Float64Array, from = 0, to = cum.length): number {
  const base = from > 0 ? cum[from - 1] : 0;
  const x = base + rng() * (cum[to - 1] - base);
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Splits a whole number into whole parts proportional to the weights (largest-remainder method):
 * the parts always add up to exactly `total`. Ties go to the earlier index.
 */
export function apportion(total: number, weights: ArrayLike<number>): number[] {
  const n = weights.length;
  const parts = new Array<number>(n).fill(0);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  if (n === 0) return parts;
  if (sum <= 0) {
    parts[0] = total;
    return parts;
  }
  const fractions: { i: number; f: number }[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (total * weights[i]) / sum;
    parts[i] = Math.floor(exact);
    given += parts[i];
    fractions.push({ i, f: exact - parts[i] });
  }
  fractions.sort((a, b) => b.f - a.f || a.i - b.i);
  for (let k = 0; k < total - given; k++) parts[fractions[k % n].i]++;
  return parts;
}
