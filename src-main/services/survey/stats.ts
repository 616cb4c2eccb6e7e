import jStat from 'jstat';
import type { ChiSquare, NpsSummary, WaveComparison } from '../../contract/survey';

/**
 * The survey statistics (P4.7 "analyse results"), as pure functions over counts and sums so that the
 * database can do the counting. Every formula here is checked in test/unit/survey-stats.test.ts against a
 * second, straightforward implementation over raw answers.
 */

/** Groups with fewer answers than this are marked too small to judge (issue #5, item 7). */
export const MIN_GROUP = 30;

export type { ChiSquare, NpsSummary, WaveComparison };
const Z95 = 1.959963984540054;

/**
 * NPS with a 95% confidence interval. Method: each respondent scores +1 (promoter), 0 (passive) or −1
 * (detractor); NPS = 100 × mean. The variance of that score is (p + d) − (p − d)² with p, d the shares of
 * promoters and detractors, so SE = 100 × √(variance / n); the interval is NPS ± 1.96 SE (normal
 * approximation), clipped to the scale's −100…100.
 */
export function npsFromCounts(promoters: number, passives: number, detractors: number): NpsSummary {
  const n = promoters + passives + detractors;
  if (n === 0) return { score: null, promoters, passives, detractors, n, ci95: null, se: null };
  const p = promoters / n;
  const d = detractors / n;
  const score = 100 * (p - d);
  const variance = Math.max(0, p + d - (p - d) ** 2);
  const se = 100 * Math.sqrt(variance / n);
  const ci95: [number, number] = [Math.max(-100, score - Z95 * se), Math.min(100, score + Z95 * se)];
  return { score, promoters, passives, detractors, n, ci95, se };
}

/** NPS from a 0–10 distribution (index = score). */
export function npsFromDistribution(dist: ArrayLike<number>): NpsSummary {
  let pro = 0;
  let pas = 0;
  let det = 0;
  for (let v = 0; v < dist.length; v++) {
    const c = dist[v] ?? 0;
    if (v >= 9) pro += c;
    else if (v >= 7) pas += c;
    else det += c;
  }
  return npsFromCounts(pro, pas, det);
}

/**
 * Significance of the NPS change between two independent waves: z = (NPS₂ − NPS₁) / √(SE₁² + SE₂²),
 * with each SE from npsFromCounts; two-sided p from the standard normal (jstat).
 */
export function compareNps(earlier: NpsSummary, later: NpsSummary): WaveComparison {
  const tooSmall = earlier.n < MIN_GROUP || later.n < MIN_GROUP;
  if (earlier.score === null || later.score === null)
    return { change: null, z: null, p: null, significant: false, tooSmall: true };
  const change = later.score - earlier.score;
  const se = Math.sqrt((earlier.se ?? 0) ** 2 + (later.se ?? 0) ** 2);
  if (se === 0) return { change, z: null, p: change === 0 ? 1 : 0, significant: change !== 0 && !tooSmall, tooSmall };
  const z = change / se;
  const p = 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1));
  return { change, z, p, significant: p < 0.05 && !tooSmall, tooSmall };
}

/**
 * Pearson's chi-square test of independence on a contingency table (rows × columns of counts). Empty rows
 * and columns are dropped first (they carry no information and would divide by zero); df = (r−1)(c−1);
 * the p-value is the upper tail of the chi-square distribution (jstat).
 */
export function chiSquare(table: number[][]): ChiSquare {
  const rows = table.filter((r) => r.reduce((a, b) => a + b, 0) > 0);
  const cols = rows.length ? rows[0].map((_, j) => j).filter((j) => rows.some((r) => r[j] > 0)) : [];
  const m = rows.map((r) => cols.map((j) => r[j]));
  const rowSum = m.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = cols.map((_, j) => m.reduce((a, r) => a + r[j], 0));
  const n = rowSum.reduce((a, b) => a + b, 0);
  const df = (m.length - 1) * (cols.length - 1);
  let chi2 = 0;
  let low = 0;
  for (let i = 0; i < m.length; i++) {
    for (let j = 0; j < cols.length; j++) {
      const e = (rowSum[i] * colSum[j]) / n;
      if (e < 5) low++;
      chi2 += (m[i][j] - e) ** 2 / e;
    }
  }
  const cells = m.length * cols.length;
  const p = df > 0 ? 1 - jStat.chisquare.cdf(chi2, df) : null;
  return { chi2: df > 0 ? chi2 : 0, df, p, lowExpectedShare: cells ? low / cells : 0, n, tooSmall: n < MIN_GROUP };
}

interface ScaleSummary {
  n: number;
  mean: number | null;
  /** Share (0–1) of answers in the top two boxes of the scale (4–5 of 5, 6–7 of 7, 9–10 of 0–10). */
  top2: number | null;
  /** Share (0–1) of answers in the bottom two boxes. */
  bottom2: number | null;
  sd: number | null;
}

/** Mean, top-2-box and standard deviation of a scale from its distribution (values min…max). */
export function scaleFromDistribution(dist: ArrayLike<number>, min: number): ScaleSummary {
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  const last = dist.length - 1;
  let top = 0;
  let bottom = 0;
  for (let i = 0; i <= last; i++) {
    const c = dist[i] ?? 0;
    const v = min + i;
    n += c;
    sum += c * v;
    sum2 += c * v * v;
    if (i >= last - 1) top += c;
    if (i <= 1) bottom += c;
  }
  if (n === 0) return { n, mean: null, top2: null, bottom2: null, sd: null };
  const mean = sum / n;
  const sd = n > 1 ? Math.sqrt(Math.max(0, (sum2 - n * mean * mean) / (n - 1))) : null;
  return { n, mean, top2: top / n, bottom2: bottom / n, sd };
}

/** Pearson correlation from pairwise sums; null when either side has no spread. */
export function pearsonFromSums(
  n: number,
  sx: number,
  sy: number,
  sxx: number,
  syy: number,
  sxy: number,
): number | null {
  if (n < 3) return null;
  const cov = sxy - (sx * sy) / n;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  if (vx <= 0 || vy <= 0) return null;
  return cov / Math.sqrt(vx * vy);
}

/**
 * Standardized regression weights (betas) of an outcome on several items from their correlations:
 * solves Rxx·β = rxy by Gaussian elimination with partial pivoting. Returns null when the items are
 * collinear (a singular matrix).
 */
export function standardizedBetas(rxx: number[][], rxy: number[]): number[] | null {
  const k = rxy.length;
  const a = rxx.map((row, i) => [...row, rxy[i]]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-10) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= k; c++) a[r][c] -= f * a[col][c];
    }
  }
  return a.map((row, i) => row[k] / row[i]);
}
