import { describe, expect, it } from 'vitest';
import { contract, joinDomains, type Disjoint } from '../../src-main/contract';
import { appraisalOps } from '../../src-main/contract/appraisal';
import { targetOps } from '../../src-main/contract/targets';

describe('the contract: each operation is declared once', () => {
  it('joins every domain map with nothing lost', () => {
    for (const name of [...Object.keys(targetOps), ...Object.keys(appraisalOps)])
      expect(Object.hasOwn(contract, name)).toBe(true);
  });

  it('refuses a name that two domains declare, when the module loads', () => {
    expect(() => joinDomains([{ 'a/x': 1, 'a/y': 2 }, { 'a/y': 3 }])).toThrow(/'a\/y' is declared by two domains/);
  });

  it('refuses it when compiling too', () => {
    // @ts-expect-error: 'a/y' is in both maps, so the check is not `true`
    const clash: Disjoint<[{ 'a/x': 1; 'a/y': 2 }, { 'a/y': 3 }]> = true;
    const fine: Disjoint<[{ 'a/x': 1 }, { 'a/y': 3 }]> = true;
    expect([clash, fine]).toEqual([true, true]);
  });
});

describe('the contract: what a change keeps', () => {
  it('names only reads that exist, and only on changes (issue 12 item 12)', () => {
    const keeping = Object.entries(contract).filter(([, spec]) => spec.keeps.length > 0);
    expect(keeping.map(([name]) => name)).toContain('appraisal/compute');
    for (const [name, spec] of keeping) {
      expect(spec.mutates, name).toBe(true);
      for (const kept of spec.keeps) {
        expect(Object.hasOwn(contract, kept), `${name} keeps ${kept}`).toBe(true);
        expect(contract[kept as keyof typeof contract].mutates, `${name} keeps ${kept}`).toBe(false);
      }
    }
  });
});
