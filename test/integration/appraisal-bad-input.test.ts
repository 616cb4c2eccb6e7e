import { describe, expect, it } from 'vitest';
import { HAND_RATINGS, seedAppraisalCompany } from '../support/appraisal-fixture';
import { tmpWorkspace } from '../support/workspace';

async function computed() {
  const w = tmpWorkspace('en');
  seedAppraisalCompany(w.ws.db);
  await w.call('appraisal/compute', { quarter: '2026Q3' });
  const { definition } = await w.call('appraisal/scheme', { quarter: '2026Q3' });
  const count = (table: string) => (w.ws.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...w, definition, count };
}

describe('appraisal: bad input gets a clear message, a stable code, and changes nothing', () => {
  it('P6.1 weights that do not total 100%', async () => {
    const { attempt, definition, count } = await computed();
    const def = structuredClone(definition);
    def.kpis[0].weight = 35;
    const r = await attempt('appraisal/save-scheme', { quarter: '2026Q3', definition: def });
    expect(!r.ok && r.error).toMatchObject({
      code: 'review/weights-total',
      message: 'The KPI weights add up to 105%; they must total 100%.',
    });
    const zh = await attempt('appraisal/what-if', { quarter: '2026Q3', definition: def }, 'zh-CN');
    expect(!zh.ok && zh.error.message).toBe('指标权重合计为 105%，必须等于 100%。');
    expect(count('review_schemes')).toBe(1);
  });

  it('a rule that references a missing KPI, a bonus curve whose accelerator sits below the threshold, a falling scoring curve', async () => {
    const { attempt, definition, count } = await computed();
    const missing = structuredClone(definition);
    missing.rules[0].when = [{ kind: 'kpi', kpi: 'revenue', op: 'gte', value: 100, consecutive: 1 }];
    const r = await attempt('appraisal/save-scheme', { quarter: '2026Q3', definition: missing });
    expect(!r.ok && r.error).toMatchObject({
      code: 'review/rule-missing-kpi',
      message: 'Rule "bonus" refers to the KPI "revenue", which the scheme does not have.',
    });
    const accel = structuredClone(definition);
    const amount = accel.rules[0].amount!;
    if (amount.kind === 'curve') amount.acceleratorFrom = 90;
    expect((await attempt('appraisal/save-scheme', { quarter: '2026Q3', definition: accel })).ok).toBe(false);
    const falling = structuredClone(definition);
    falling.kpis[0].curve = [
      [100, 100],
      [60, 0],
    ];
    const f = await attempt('appraisal/save-scheme', { quarter: '2026Q3', definition: falling });
    expect(!f.ok && f.error.code).toBe('review/curve-invalid');
    const unknownField = await attempt('appraisal/save-scheme', {
      quarter: '2026Q3',
      definition: { ...definition, bogus: 1 },
    });
    expect(!unknownField.ok && unknownField.error.code).toBe('request/invalid-input');
    expect(count('review_schemes')).toBe(1);
  });

  it('a rating outside the rubric, on a computed KPI, for someone not in the appraisal: nothing saved, even for the good rows', async () => {
    const { attempt, count } = await computed();
    const cases: [unknown, string, string][] = [
      [
        { person: 'S1', kpi: 'teamwork', score: 6 },
        'review/rating-outside-rubric',
        '6 is not a level of the rubric of "teamwork" (levels: 1, 2, 3, 4, 5).',
      ],
      [
        { person: 'S1', kpi: 'teamwork', score: 3.5 },
        'review/rating-outside-rubric',
        '3.5 is not a level of the rubric of "teamwork" (levels: 1, 2, 3, 4, 5).',
      ],
      [
        { person: 'S1', kpi: 'completion', score: 3 },
        'review/kpi-not-rated',
        '"completion" is computed from data and cannot be rated by hand.',
      ],
      [
        { person: 'S1', kpi: 'charm', score: 3 },
        'review/unknown-kpi',
        expect.stringContaining('There is no KPI "charm"'),
      ],
      [
        { person: 'S9', kpi: 'teamwork', score: 3 },
        'review/person-not-found',
        'No salesperson has the employee number S9.',
      ],
      [
        { person: 'S4', kpi: 'teamwork', score: 3 },
        'review/person-not-in-review',
        'S4 is not part of the 2026Q3 appraisal.',
      ],
    ];
    for (const [bad, code, message] of cases) {
      const r = await attempt('appraisal/rate-many', {
        quarter: '2026Q3',
        ratings: [...HAND_RATINGS.slice(0, 3), bad],
      });
      expect(!r.ok && r.error, code).toMatchObject({ code, message });
    }
    expect(count('review_ratings')).toBe(0);
    expect(count("audit_log WHERE entity = 'review_rating'")).toBe(0);
  });

  it('bad quarters, unknown reviews and incomplete incidents', async () => {
    const { attempt } = await computed();
    const q = await attempt('appraisal/compute', { quarter: '2026Q5' });
    expect(!q.ok && q.error.code).toBe('request/invalid-input');
    const none = await attempt('appraisal/show', { quarter: '2025Q1' });
    expect(!none.ok && none.error).toMatchObject({
      code: 'review/not-found',
      message: 'There is no appraisal for 2025Q1 yet: compute it first.',
    });
    const empty = await attempt('appraisal/compute', { quarter: '2019Q1' });
    expect(!empty.ok && empty.error.code).toBe('review/no-people');
    const noEvidence = await attempt('appraisal/record-incident', {
      person: 'S1',
      date: '2026-08-01',
      kind: 'violation',
      description: '违规',
    });
    expect(!noEvidence.ok && noEvidence.error.code).toBe('request/invalid-input');
    const badKind = await attempt('appraisal/record-incident', {
      person: 'S1',
      date: '2026-08-01',
      kind: 'late',
      description: 'x',
      evidence: 'y',
    });
    expect(!badKind.ok && badKind.error.code).toBe('request/invalid-input');
    const adjustNoReason = await attempt('appraisal/adjust', {
      quarter: '2026Q3',
      person: 'S1',
      total: 80,
      reason: '',
    });
    expect(!adjustNoReason.ok && adjustNoReason.error.code).toBe('request/invalid-input');
  });
});
