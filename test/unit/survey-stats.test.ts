import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chiSquare,
  compareNps,
  npsFromCounts,
  pearsonFromSums,
  scaleFromDistribution,
  standardizedBetas,
} from '../../src-main/services/survey/stats';

describe('survey statistics against second implementations (P4.7)', () => {
  it('NPS and its SE equal the mean and SE of +1/0/−1 scores computed from raw answers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 300 }), (answers) => {
        const s: number[] = answers.map((v) => (v >= 9 ? 1 : v >= 7 ? 0 : -1));
        const mean = s.reduce((a, b) => a + b, 0) / s.length;
        const variance = s.reduce((a, b) => a + (b - mean) ** 2, 0) / s.length;
        const got = npsFromCounts(
          s.filter((x) => x === 1).length,
          s.filter((x) => x === 0).length,
          s.filter((x) => x === -1).length,
        );
        expect(got.score).toBeCloseTo(100 * mean, 9);
        expect(got.se).toBeCloseTo(100 * Math.sqrt(variance / s.length), 9);
      }),
    );
  });

  it('scale mean, sd and top-2-box from a distribution equal the raw calculation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 200 }), (xs) => {
        const dist = Array.from({ length: 7 }, (_, i) => xs.filter((x) => x === i + 1).length);
        const got = scaleFromDistribution(dist, 1);
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(got.mean).toBeCloseTo(mean, 9);
        expect(got.sd).toBeCloseTo(Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)), 9);
        expect(got.top2).toBeCloseTo(xs.filter((x) => x >= 6).length / xs.length, 12);
      }),
    );
  });

  it('chi-square of a textbook 2×3 table; p from jstat', () => {
    // expected counts by hand: rows 50/50, columns 30/40/30, n 100
    const r = chiSquare([
      [20, 20, 10],
      [10, 20, 20],
    ]);
    const e = [15, 20, 15];
    const hand =
      [20, 20, 10].reduce((a, o, j) => a + (o - e[j]) ** 2 / e[j], 0) +
      [10, 20, 20].reduce((a, o, j) => a + (o - e[j]) ** 2 / e[j], 0);
    expect(r.chi2).toBeCloseTo(hand, 12);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(Math.exp(-hand / 2), 9); // chi-square with 2 df: p = e^(−x/2)
  });

  it('NPS change z-test, Pearson r and standardized betas', () => {
    const a = npsFromCounts(50, 30, 20);
    const b = npsFromCounts(40, 30, 30);
    const c = compareNps(a, b);
    expect(c.change).toBeCloseTo(-20, 12);
    expect(c.z).toBeCloseTo(-20 / Math.sqrt(a.se! ** 2 + b.se! ** 2), 12);
    expect(c.significant).toBe(c.p! < 0.05);
    expect(pearsonFromSums(3, 6, 6, 14, 14, 14)).toBeCloseTo(1, 12);
    // with uncorrelated items the betas are the correlations themselves
    expect(
      standardizedBetas(
        [
          [1, 0],
          [0, 1],
        ],
        [0.3, 0.5],
      ),
    ).toEqual([0.3, 0.5]);
    const betas = standardizedBetas(
      [
        [1, 0.5],
        [0.5, 1],
      ],
      [0.6, 0.6],
    )!;
    expect(betas[0]).toBeCloseTo(0.4, 12);
    expect(
      standardizedBetas(
        [
          [1, 1],
          [1, 1],
        ],
        [0.5, 0.5],
      ),
    ).toBeNull();
  });
});
