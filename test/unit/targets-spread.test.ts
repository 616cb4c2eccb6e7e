import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder, splitWithLocks } from '../../src-main/services/targets/spread';

/**
 * An independent Hamilton apportionment: exact shares as fractions p/q compared by cross-multiplying
 * (BigInt), remainders ranked by a plain sort. Written separately from the service's implementation.
 */
function hamilton(total: number, weights: number[]): number[] {
  const W = BigInt(weights.reduce((a, b) => a + b, 0));
  const T = BigInt(total);
  const floors = weights.map((w) => (T * BigInt(w)) / W);
  const fracs = weights.map((w, i) => ({ i, num: T * BigInt(w) - floors[i] * W }));
  let left = total - Number(floors.reduce((a, b) => a + b, 0n));
  fracs.sort((a, b) => (a.num === b.num ? a.i - b.i : a.num > b.num ? -1 : 1));
  const out = floors.map(Number);
  for (const f of fracs) if (left-- > 0) out[f.i] += 1;
  return out;
}

describe('largest-remainder rounding (P2.2 exact totals)', () => {
  it('P2.2: parts always add up to the whole and match an independent Hamilton apportionment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = largestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts).toEqual(hamilton(total, weights));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('P2.2: each part is its exact share rounded down or up, never further', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0.001));
          const parts = largestRemainder(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1 + 1e-6));
        },
      ),
    );
  });

  it('a simple case by hand: 100 over 1:1:1 gives 34, 33, 33', () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainder(10, [2, 3, 5])).toEqual([2, 3, 5]);
    expect(largestRemainder(7, [0, 1, 0])).toEqual([0, 7, 0]);
  });
});

describe('splitting with locks (P2.2 hold and override)', () => {
  const part = (o: Partial<{ fixed: number | null; min: number; weight: number; fallback: number }>) => ({
    fixed: null,
    min: 0,
    weight: 1,
    fallback: 1,
    ...o,
  });

  it('keeps locked parts and spreads the remainder over the free ones', () => {
    expect(splitWithLocks(100, [part({ fixed: 40 }), part({}), part({})], { label: 'x' })).toEqual([40, 30, 30]);
    // A free part with a locked month inside gets its locked amount plus its share.
    expect(splitWithLocks(100, [part({ min: 20 }), part({})], { label: 'x' })).toEqual([60, 40]);
  });

  it('refuses locks above the parent, and all-locked parts that do not add up', () => {
    expect(() => splitWithLocks(50, [part({ fixed: 40 }), part({ fixed: 20 }), part({})], { label: 'x' })).toThrow(
      expect.objectContaining({ code: 'targets/locks-exceed' }),
    );
    expect(() => splitWithLocks(50, [part({ fixed: 40 }), part({ fixed: 5 })], { label: 'x' })).toThrow(
      expect.objectContaining({ code: 'targets/locks-mismatch' }),
    );
  });

  it('falls back to even weights when every free weight is zero', () => {
    expect(
      splitWithLocks(9, [part({ weight: 0, fallback: 2 }), part({ weight: 0, fallback: 1 })], { label: 'x' }),
    ).toEqual([6, 3]);
  });
});
