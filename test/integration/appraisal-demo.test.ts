import { describe, expect, it } from 'vitest';
import { tmpWorkspace } from '../support/workspace';

/**
 * The demo company's appraisal checked person by person against a second, straightforward reading of
 * the policy's rules (plain SQL for the facts, plain arithmetic for scores, totals, grades and bonus).
 */
describe('appraisal of the demo company against an independent calculation (P6.1–P6.3)', () => {
  it('completion, totals, grades, bonus and deductions agree for every person, with random ratings', async () => {
    const { call, ws } = tmpWorkspace('en');
    const demo = await call('demo/create', { size: 'small', seed: 11, today: '2026-11-27' });
    const quarter = demo.reviewQuarter;
    expect(quarter).toBe('2026Q3');
    await call('appraisal/compute', { quarter });
    const first = await call('appraisal/show', { quarter });
    const { definition: def } = await call('appraisal/scheme', { quarter });
    // random but reproducible ratings for everyone
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rated = def.kpis.filter((k) => k.source === 'rated');
    const ratings = first.people.flatMap((p) =>
      rated.map((k) => ({ person: p.employeeNo, kpi: k.key, score: 1 + Math.floor(rnd() * 5) })),
    );
    await call('appraisal/rate-many', { quarter, ratings });
    const show = await call('appraisal/show', { quarter });
    expect(show.status).toBe('rated');
    expect(show.people.length).toBeGreaterThan(15);

    const sql = (q: string, ...a: unknown[]) => ws.db.prepare(q).get(...a) as { v: number | null };
    const curve = (pts: [number, number][], x: number) => {
      if (x <= pts[0][0]) return pts[0][1];
      for (let i = 1; i < pts.length; i++)
        if (x <= pts[i][0])
          return pts[i - 1][1] + ((x - pts[i - 1][0]) / (pts[i][0] - pts[i - 1][0])) * (pts[i][1] - pts[i - 1][1]);
      return pts[pts.length - 1][1];
    };
    const bonusRule = def.rules.find((r) => r.key === 'bonus')!.amount!;
    for (const p of show.people) {
      const id = (ws.db.prepare('SELECT id FROM staff WHERE employee_no = ?').get(p.employeeNo) as { id: number }).id;
      const target = sql(
        "SELECT SUM(amount) AS v FROM target_cells WHERE scope = 'person' AND scope_id = ? AND year = 2026 AND metric = 'sales' AND period IN ('M7','M8','M9')",
        id,
      ).v;
      const sales = sql(
        "SELECT COALESCE(SUM(amount), 0) AS v FROM orders WHERE salesperson_id = ? AND date >= '2026-07-01' AND date <= '2026-09-30'",
        id,
      ).v!;
      const completion = target ? (100 * sales) / target : null;
      if (completion === null) expect(p.kpis.completion.value).toBeNull();
      else expect(p.kpis.completion.value).toBeCloseTo(completion, 2);
      // scores from values, then the weighted total over the KPIs that have a score
      let sum = 0;
      let weights = 0;
      for (const k of def.kpis) {
        const v = p.kpis[k.key].value;
        const s =
          v === null
            ? k.source === 'rated'
              ? null
              : k.whenMissing
            : k.source === 'rated'
              ? k.rubric!.find((r) => r.level === v)!.score
              : curve(k.curve!, v);
        if (s === null) expect(p.kpis[k.key].score).toBeNull();
        else expect(p.kpis[k.key].score).toBeCloseTo(s, 1);
        if (s !== null && k.weight > 0) {
          sum += k.weight * s;
          weights += k.weight;
        }
      }
      expect(p.total).toBeCloseTo(sum / weights, 1);
      const grade = def.grades.find((g) => p.total! >= g.min)!.grade;
      expect(p.grade).toBe(grade);
      // P6.2 bonus and P6.3 deduction
      const bonus = p.outcomes.find((o) => o.type === 'bonus')?.amount ?? 0;
      let expected = 0;
      if (
        bonusRule.kind === 'curve' &&
        p.kpis.completion.value !== null &&
        p.kpis.completion.value >= bonusRule.threshold
      ) {
        const c = p.kpis.completion.value;
        expected = Math.round(
          Math.min(
            bonusRule.cap,
            bonusRule.base +
              bonusRule.perPoint * (Math.min(c, bonusRule.acceleratorFrom) - bonusRule.threshold) +
              bonusRule.acceleratorPerPoint * Math.max(0, c - bonusRule.acceleratorFrom),
          ),
        );
      }
      expect(bonus).toBe(expected);
      expect(p.outcomes.some((o) => o.type === 'deduction')).toBe(
        p.kpis.completion.value !== null && p.kpis.completion.value < 80,
      );
      expect(p.outcomes.some((o) => o.type === 'honour')).toBe(
        grade === 'S' || p.outcomes.some((o) => o.type === 'promotion'),
      );
      expect(p.outcomes.every((o) => o.status === 'proposed')).toBe(true);
    }
    expect(show.summary.bonusCost).toBe(
      show.people.reduce((s, p) => s + (p.outcomes.find((o) => o.type === 'bonus')?.amount ?? 0), 0),
    );
  });
});
