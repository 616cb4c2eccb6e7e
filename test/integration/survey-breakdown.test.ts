import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from '../../src-main/contract/survey';
import { seedPeople, seedSurvey, type SeedResponse } from '../support/survey-seed';
import { tmpWorkspace } from '../support/workspace';

/**
 * Breakdowns and crosstabs by every dimension (issue #5 item 7, P4.7) against a second, straightforward
 * implementation that walks the responses one by one in JavaScript.
 */
const Q = [
  { code: 'q1', text: 'Overall', type: 'likert5' as const },
  { code: 'q2', text: 'Delivery', type: 'likert5' as const },
  { code: 'nps', text: 'Recommend', type: 'nps' as const },
];
const PEOPLE = [
  { no: 'E1', name: 'Ann', team: 'East' },
  { no: 'E2', name: 'Bob', team: 'East' },
  { no: 'E3', name: 'Cy', team: 'West' },
];
const CUSTOMERS = [
  { code: 'C1', name: 'Acme', segment: 'A', province: '江苏' },
  { code: 'C2', name: 'Brill', segment: 'B', province: '浙江' },
  { code: 'C3', name: 'Cobalt', segment: null, province: null },
];

interface Generated extends SeedResponse {
  product: number | null;
  channel: string | null;
}

const response = fc.record({
  person: fc.constantFrom('E1', 'E2', 'E3', null),
  customer: fc.constantFrom('C1', 'C2', 'C3', null),
  submitted: fc.constantFrom('2026-07-03', '2026-08-15T10:00:00Z', '2026-09-30', null),
  product: fc.constantFrom(0, 1, null),
  channel: fc.constantFrom('phone', 'web', null),
  answers: fc.record({
    q1: fc.option(fc.integer({ min: 1, max: 5 })),
    q2: fc.option(fc.integer({ min: 1, max: 5 })),
    nps: fc.option(fc.integer({ min: 0, max: 10 })),
  }),
});

/** The straightforward version: one pass over the responses, a dimension value per response. */
function byHand(rs: Generated[], dimension: BreakdownDimension) {
  const person = new Map(PEOPLE.map((p) => [p.no, p]));
  const customer = new Map(CUSTOMERS.map((c) => [c.code, c]));
  const products = ['Router', 'Switch'];
  const groups = new Map<
    string,
    { n: number; pro: number; pas: number; det: number; satN: number; sum: number; top: number; q1: number[] }
  >();
  for (const r of rs) {
    const p = r.person ? person.get(r.person)! : null;
    const c = r.customer ? customer.get(r.customer)! : null;
    const label: string | null = {
      salesperson: p ? `${p.name} (${p.no})` : null,
      team: p?.team ?? null,
      region: p ? `${p.team}-region` : (c?.province ?? null),
      product: r.product === null ? null : products[r.product],
      period: r.submitted ? r.submitted.slice(0, 7) : null,
      segment: c?.segment ?? null,
      channel: r.channel,
    }[dimension];
    const key = label ?? '—';
    const g = groups.get(key) ?? { n: 0, pro: 0, pas: 0, det: 0, satN: 0, sum: 0, top: 0, q1: [0, 0, 0, 0, 0] };
    groups.set(key, g);
    g.n++;
    const nps = r.answers.nps as number | null;
    if (nps !== null) {
      if (nps >= 9) g.pro++;
      else if (nps >= 7) g.pas++;
      else g.det++;
    }
    for (const v of [r.answers.q1, r.answers.q2] as (number | null)[]) {
      if (v === null) continue;
      g.satN++;
      g.sum += v;
      if (v >= 4) g.top++;
    }
    if (r.answers.q1 !== null) g.q1[(r.answers.q1 as number) - 1]++;
  }
  return groups;
}

describe('survey breakdown and crosstab by every dimension (P4.7, issue #5 item 7)', () => {
  it('match a straightforward per-response calculation on random data (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(response, { minLength: 1, maxLength: 40 }), async (rs) => {
        const { ws, call } = tmpWorkspace();
        seedPeople(
          ws.db,
          PEOPLE,
          CUSTOMERS.map((c) => ({
            code: c.code,
            name: c.name,
            segment: c.segment ?? undefined,
            province: c.province ?? undefined,
          })),
        );
        const at = '2026-01-01T00:00:00Z';
        const productIds = ['Router', 'Switch'].map((name) =>
          Number(ws.db.prepare('INSERT INTO products (name, created_at) VALUES (?, ?)').run(name, at).lastInsertRowid),
        );
        const { surveyId, q, responseIds } = seedSurvey(
          ws.db,
          { name: 'S', start: '2026-07-01', end: '2026-09-30' },
          Q,
          rs,
        );
        rs.forEach((r, i) => {
          const order =
            r.product === null
              ? null
              : Number(
                  ws.db
                    .prepare("INSERT INTO orders (order_no, date, product_id, amount) VALUES (?, '2026-07-01', ?, 100)")
                    .run(`O${i}`, productIds[r.product]).lastInsertRowid,
                );
          ws.db
            .prepare('UPDATE survey_responses SET order_id = ?, channel = ? WHERE id = ?')
            .run(order, r.channel, responseIds[i]);
        });
        for (const dimension of BREAKDOWN_DIMENSIONS) {
          const want = byHand(rs as Generated[], dimension);
          const got = await call('survey/breakdown', { surveyId, dimension });
          expect(got.map((g) => g.label).sort()).toEqual([...want.keys()].sort());
          for (const g of got) {
            const w = want.get(g.label)!;
            const npsN = w.pro + w.pas + w.det;
            expect({ n: g.n, promoters: g.promoters, detractors: g.detractors, tooSmall: g.tooSmall }).toEqual({
              n: w.n,
              promoters: w.pro,
              detractors: w.det,
              tooSmall: w.n < 30,
            });
            if (npsN === 0) expect(g.nps).toBeNull();
            else expect(g.nps).toBeCloseTo((100 * (w.pro - w.det)) / npsN, 9);
            if (w.satN === 0) expect([g.csat, g.mean]).toEqual([null, null]);
            else {
              expect(g.csat).toBeCloseTo((100 * w.top) / w.satN, 9);
              expect(g.mean).toBeCloseTo(w.sum / w.satN, 9);
            }
          }
          const x = await call('survey/crosstab', { surveyId, questionId: q.q1, dimension });
          const wantX = [...want.entries()]
            .filter(([, g]) => g.q1.some((c) => c > 0))
            .map(([label, g]) => [label, g.q1]);
          expect(x.rows.map((r) => [r.label, r.counts]).sort()).toEqual(wantX.sort());
        }
        ws.close();
      }),
      { numRuns: 15 },
    );
  });
});
