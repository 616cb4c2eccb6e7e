import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curveScore, ruleAmount } from '../../src-main/services/appraisal/curves';
import { gradeOf, weightedTotal } from '../../src-main/services/appraisal/evaluate';
import { defaultScheme } from '../../src-main/services/appraisal/default-scheme';
import { validateScheme } from '../../src-main/services/appraisal/scheme-rules';

describe('P6.1 scoring curves and P6.2 bonus curve', () => {
  it('the default scheme passes its own checks: four dimensions, weights total 100%', () => {
    const def = defaultScheme();
    expect(() => validateScheme(def)).not.toThrow();
    expect(new Set(def.kpis.map((k) => k.dimension))).toEqual(
      new Set(['sales', 'satisfaction', 'attitude', 'teamwork']),
    );
  });

  it('completion → score: 0 below 60%, linear to 100 at 100%, capped at 120 from 120%', () => {
    const c = defaultScheme().kpis[0].curve!;
    expect([30, 60, 80, 100, 110, 120, 200].map((x) => curveScore(c, x))).toEqual([0, 0, 50, 100, 110, 120, 120]);
  });

  it('a rising curve gives a rising score that never leaves its end points (property)', () => {
    const curve = fc
      .uniqueArray(fc.integer({ min: -100, max: 300 }), { minLength: 2, maxLength: 6 })
      .chain((xs) =>
        fc.tuple(
          fc.constant([...xs].sort((a, b) => a - b)),
          fc.array(fc.integer({ min: 0, max: 150 }), { minLength: xs.length, maxLength: xs.length }),
        ),
      )
      .map(([xs, ys]) => xs.map((x, i) => [x, [...ys].sort((a, b) => a - b)[i]] as [number, number]));
    fc.assert(
      fc.property(
        curve,
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        (c, a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const s1 = curveScore(c, lo);
          const s2 = curveScore(c, hi);
          return s1 <= s2 + 1e-9 && s1 >= c[0][1] - 1e-9 && s2 <= c[c.length - 1][1] + 1e-9;
        },
      ),
    );
  });

  it('bonus = base + per point up to the accelerator + accelerated points above it, capped (independent loop)', () => {
    const amount = {
      kind: 'curve' as const,
      kpi: 'completion',
      threshold: 100,
      base: 3000,
      perPoint: 200,
      acceleratorFrom: 110,
      acceleratorPerPoint: 400,
      cap: 12000,
    };
    // a second, step-by-step reading of the same rule: walk up from the threshold one hundredth of a point at a time
    const slow = (v: number) => {
      if (v < 100) return 0;
      let pay = 3000;
      for (let x = 100; x < v - 1e-9; x += 0.01) pay += (x < 110 - 1e-9 ? 200 : 400) * Math.min(0.01, v - x);
      return Math.round(Math.min(12000, pay));
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 9000, max: 14000 }),
        (h) => ruleAmount(amount, { completion: h / 100 }) === slow(h / 100),
      ),
    );
    expect([99.99, 100, 105, 110, 115, 125, 130].map((v) => ruleAmount(amount, { completion: v }))).toEqual([
      0, 3000, 4000, 5000, 7000, 11000, 12000,
    ]);
  });

  it('a KPI without a score is left out and the other weights count in full', () => {
    const def = defaultScheme();
    const scores = Object.fromEntries(def.kpis.map((k) => [k.key, 50]));
    expect(weightedTotal(def, scores)).toBe(50);
    scores.completion = 100;
    scores.csat = null as unknown as number;
    // (30×100 + 60×50) / 90
    expect(weightedTotal(def, scores)).toBe(66.67);
    expect([95, 90, 89.99, 65, 0].map((t) => gradeOf(def, t))).toEqual(['S', 'S', 'A', 'B', 'D']);
  });
});
