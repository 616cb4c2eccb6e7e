import type { KpiDefinition, RuleAmount } from '../../contract/appraisal-scheme';

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** Piecewise-linear scoring curve through [value, score] points, flat beyond either end (the cap). */
export function curveScore(curve: readonly (readonly [number, number])[], value: number): number {
  if (value <= curve[0][0]) return curve[0][1];
  const last = curve[curve.length - 1];
  if (value >= last[0]) return last[1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    if (value <= x1) {
      const [x0, y0] = curve[i - 1];
      return y0 + ((value - x0) * (y1 - y0)) / (x1 - x0);
    }
  }
  return last[1];
}

/** A KPI's score from its value (data KPIs: the curve; rated KPIs: the rubric level's score). */
export function kpiScore(kpi: KpiDefinition, value: number | null): number | null {
  if (value === null) return kpi.source === 'rated' ? null : kpi.whenMissing;
  if (kpi.source === 'rated') {
    const exact = kpi.rubric?.find((r) => r.level === value);
    if (exact) return exact.score;
    // a blended rating (manager and peers, P6.1) between two levels: linear between their scores
    const points = [...(kpi.rubric ?? [])].sort((a, b) => a.level - b.level).map((r) => [r.level, r.score] as const);
    if (points.length < 2 || value < points[0][0] || value > points[points.length - 1][0]) return null;
    return round2(curveScore(points, value));
  }
  return round2(
    curveScore(
      kpi.curve ?? [
        [0, 0],
        [100, 100],
      ],
      value,
    ),
  );
}

/** The value the printed report shows as the KPI's target: stated, or where the curve first reaches 100. */
export function kpiTarget(kpi: KpiDefinition): number | null {
  if (kpi.target !== undefined) return kpi.target;
  return kpi.curve?.find(([, y]) => y >= 100)?.[0] ?? null;
}

/** A rule's money in yuan (P6.2 bonus curve: base at the threshold, per point, faster above the accelerator, capped). */
export function ruleAmount(amount: RuleAmount | undefined, values: Record<string, number | null>): number | null {
  if (!amount) return null;
  if (amount.kind === 'fixed') return amount.yuan;
  const v = values[amount.kpi];
  if (v === null || v === undefined || v < amount.threshold) return 0;
  const normal = Math.min(v, amount.acceleratorFrom) - amount.threshold;
  const accelerated = Math.max(0, v - amount.acceleratorFrom);
  return Math.round(
    Math.min(amount.cap, amount.base + amount.perPoint * normal + amount.acceleratorPerPoint * accelerated),
  );
}
