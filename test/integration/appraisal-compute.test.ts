import { describe, expect, it } from 'vitest';
import type { AppraisalPerson } from '../../src-main/contract/appraisal';
import { HAND_RATINGS, seedAppraisalCompany } from '../support/appraisal-fixture';
import { tmpWorkspace } from '../support/workspace';

async function seeded() {
  const w = tmpWorkspace('en');
  seedAppraisalCompany(w.ws.db);
  await w.call('appraisal/compute', { quarter: '2026Q3' });
  await w.call('appraisal/record-incident', {
    person: 'S2',
    date: '2026-08-15',
    kind: 'violation',
    description: '虚报客户拜访记录',
    evidence: '拜访签到与客户确认不符（附件）',
  });
  await w.call('appraisal/rate-many', { quarter: '2026Q3', ratings: HAND_RATINGS });
  await w.call('appraisal/compute', { quarter: '2026Q3' });
  const show = await w.call('appraisal/show', { quarter: '2026Q3' });
  const person = (no: string) => show.people.find((p) => p.employeeNo === no)!;
  return { ...w, show, person };
}

const outcomes = (p: AppraisalPerson) => p.outcomes.map((o) => [o.type, o.amount, o.clause]).sort();

describe('quarterly appraisal: scores and outcomes against hand-computed cases (P6.1–P6.3)', () => {
  it('appraises the people employed at the quarter end who had a target or sales', async () => {
    const { show } = await seeded();
    expect(show.people.map((p) => p.employeeNo).sort()).toEqual(['S1', 'S2', 'S3']);
    expect(show.scheme.kpis.reduce((s, k) => s + k.weight, 0)).toBe(100);
    expect(show.status).toBe('rated');
  });

  it('P6.1 A: 115% completion, 15% growth, 40% margin, no complaints, ratings 4/5/4/3 → 93.89, S', async () => {
    const { person } = await seeded();
    const a = person('S1');
    expect(a.kpis.completion).toMatchObject({ value: 115, score: 115, target: 100_000, actual: 115_000 });
    expect(a.kpis.salesGrowth).toMatchObject({ value: 15, score: 90 }); // 60 + 15 × 40/20
    expect(a.kpis.profitMargin).toMatchObject({ value: 40, score: 80 });
    expect(a.kpis.csat).toMatchObject({ value: null, score: null }); // no survey answers: left out, the rest re-weighted
    expect(a.kpis.complaintHandling).toMatchObject({ value: null, score: 100 }); // no complaints counts as handled
    expect(a.kpis.teamwork).toMatchObject({ value: 3, score: 60 });
    // (30×115 + 10×90 + 10×80 + 10×100 + 5×80 + 5×100 + 10×80 + 10×60) / 90 = 8450 / 90
    expect(a.total).toBe(93.89);
    expect(a.grade).toBe('S');
    // P6.2 bonus: 3000 + 200 × (110 − 100) + 400 × (115 − 110) = 7000; S → commendation and promotion nomination
    expect(outcomes(a)).toEqual([
      ['bonus', 7000, 'P6.2'],
      ['honour', null, 'P6.2'],
      ['promotion', null, 'P6.2'],
    ]);
    expect(a.outcomes.every((o) => o.status === 'proposed')).toBe(true);
  });

  it('P6.3 B: 70% three quarters running, a recorded violation → 29.00, D; deduction, demotion (replacing the warning), dismissal PROPOSAL', async () => {
    const { person } = await seeded();
    const b = person('S2');
    expect(b.kpis.completion).toMatchObject({ value: 70, score: 25 }); // (70 − 60) × 100/40
    expect(b.kpis.salesGrowth).toMatchObject({ value: -30, score: 0 });
    expect(b.kpis.profitMargin).toMatchObject({ value: 30, score: 0 });
    expect(b.kpis.csat).toMatchObject({ value: 50, score: 45 }); // 2 of 4 answers are 4–5; (50 − 20) × 60/40
    expect(b.kpis.complaintHandling).toMatchObject({ value: 50, score: 50 }); // 1 of 2 within 48 h
    // (30×25 + 10×0 + 10×0 + 10×45 + 10×50 + 5×40 + 5×40 + 10×40 + 10×40) / 100
    expect(b.total).toBe(29);
    expect(b.grade).toBe('D');
    expect(outcomes(b)).toEqual([
      ['deduction', 1000, 'P6.3'],
      ['demotion', null, 'P6.3'],
      ['dismissal-proposal', null, 'P6.3'],
    ]);
  });

  it('P6.2 C: exactly 100% (bonus at the threshold) and sales above the prorated challenge tier → honour and promotion', async () => {
    const { person } = await seeded();
    const c = person('S3');
    expect(c.kpis.completion).toMatchObject({ value: 100, score: 100 });
    expect(c.kpis.salesGrowth).toMatchObject({ value: null, score: null }); // no sales a year before
    expect(c.kpis.profitMargin).toMatchObject({ value: 35, score: 40 });
    // (30×100 + 10×40 + 10×100 + 5×60 + 5×60 + 10×60 + 10×60) / 80 = 6200 / 80
    expect(c.total).toBe(77.5);
    expect(c.grade).toBe('B');
    expect(outcomes(c)).toEqual([
      ['bonus', 3000, 'P6.2'],
      ['honour', null, 'P6.2'],
      ['promotion', null, 'P6.2'],
    ]);
  });

  it('a warning (not yet a demotion) after two missed quarters', async () => {
    const w = tmpWorkspace('en');
    seedAppraisalCompany(w.ws.db);
    w.ws.db.prepare("UPDATE orders SET amount = 7000000 WHERE salesperson_id = 2 AND date LIKE '2026-02%'").run(); // Q1 now 87.5%
    const show = await w.call('appraisal/compute', { quarter: '2026Q3' });
    expect(outcomes(show.changed.find((p) => p.employeeNo === 'S2')!)).toEqual([
      ['deduction', 1000, 'P6.3'],
      ['warning', null, 'P6.3'],
    ]);
  });

  it('calibration: an adjusted total keeps the computed one beside it with who, when and why, and drives the grade', async () => {
    const { call, ws } = await seeded();
    const c = await call('appraisal/adjust', { quarter: '2026Q3', person: 'S3', total: 85, reason: '承担新人带教' });
    expect(c).toMatchObject({
      total: 85,
      originalTotal: 77.5,
      grade: 'A',
      adjustment: { total: 85, reason: '承担新人带教', by: 'tester' },
    });
    const audit = ws.db
      .prepare(
        "SELECT old_value AS o, new_value AS n, reason FROM audit_log WHERE entity = 'review_entry' AND field = 'adjusted_total'",
      )
      .all();
    expect(audit).toEqual([{ o: '77.5', n: '85', reason: '承担新人带教' }]);
    const back = await call('appraisal/adjust', { quarter: '2026Q3', person: 'S3', total: null, reason: '撤销' });
    expect(back).toMatchObject({ total: 77.5, grade: 'B', adjustment: null });
  });

  it('an outcome is applied only when the manager confirms it, and the decision is audited', async () => {
    const { call, person, ws } = await seeded();
    const dismissal = person('S2').outcomes.find((o) => o.type === 'dismissal-proposal')!;
    const decided = await call('appraisal/decide-outcome', {
      quarter: '2026Q3',
      id: dismissal.id,
      decision: 'rejected',
      reason: '改为书面警告',
    });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: 'tester' });
    const row = ws.db
      .prepare("SELECT old_value AS o, new_value AS n, reason FROM audit_log WHERE entity = 'review_outcome'")
      .get();
    expect(row).toEqual({ o: 'proposed', n: 'rejected', reason: '改为书面警告' });
    // a recompute proposes the same outcome again and keeps the decision
    await call('appraisal/compute', { quarter: '2026Q3' });
    const again = await call('appraisal/show', { quarter: '2026Q3' });
    expect(
      again.people.find((p) => p.employeeNo === 'S2')!.outcomes.find((o) => o.type === 'dismissal-proposal')!.status,
    ).toBe('rejected');
  });

  it('what-if on a copy: bonus cost, grade distribution and who changes, with nothing saved', async () => {
    const { call, ws } = await seeded();
    const { definition } = await call('appraisal/scheme', { quarter: '2026Q3' });
    const copy = structuredClone(definition);
    const bonus = copy.rules.find((r) => r.key === 'bonus')!;
    if (bonus.amount?.kind === 'curve') bonus.amount.base = 4000;
    copy.grades = copy.grades.map((g) => (g.grade === 'A' ? { ...g, min: 75 } : g));
    const before = ws.db.prepare('SELECT COUNT(*) AS n FROM review_schemes').get();
    const r = await call('appraisal/what-if', { quarter: '2026Q3', definition: copy });
    expect(r.current.bonusCost).toBe(10_000);
    expect(r.proposed.bonusCost).toBe(12_000); // A 8000 + C 4000
    expect(r.current.grades).toMatchObject({ S: 1, A: 0, B: 1, D: 1 });
    expect(r.proposed.grades).toMatchObject({ S: 1, A: 1, B: 0, D: 1 });
    expect(r.changes.map((c) => [c.employeeNo, c.fromGrade, c.toGrade, c.fromBonus, c.toBonus])).toEqual([
      ['S1', 'S', 'S', 7000, 8000],
      ['S3', 'B', 'A', 3000, 4000],
    ]);
    expect(ws.db.prepare('SELECT COUNT(*) AS n FROM review_schemes').get()).toEqual(before);
  });

  it('saving a scheme makes a new version, recomputes, and copies forward to the next quarter', async () => {
    const { call } = await seeded();
    const info = await call('appraisal/scheme', { quarter: '2026Q3' });
    const def = structuredClone(info.definition);
    def.kpis.find((k) => k.key === 'completion')!.weight = 40;
    def.kpis.find((k) => k.key === 'salesGrowth')!.weight = 0;
    const saved = await call('appraisal/save-scheme', { quarter: '2026Q3', definition: def, reason: '更看重完成率' });
    expect(saved.version).toBe(2);
    const show = await call('appraisal/show', { quarter: '2026Q3' });
    // C: (40×100 + 10×40 + 10×100 + 5×60 + 5×60 + 10×60 + 10×60) / 90 = 7200 / 90 (growth weighs 0, CSAT has no data)
    expect(show.people.find((p) => p.employeeNo === 'S3')!.total).toBe(80);
    const next = await call('appraisal/scheme', { quarter: '2026Q4' });
    expect(next).toMatchObject({ version: 0, copiedFrom: '2026Q3' });
    expect(next.definition.kpis.find((k) => k.key === 'completion')!.weight).toBe(40);
  });

  it('history: a person across quarters, and the export back from the grid data', async () => {
    const { call } = await seeded();
    await call('appraisal/compute', { quarter: '2026Q2' });
    const h = await call('appraisal/history', { person: 'S2' });
    expect(h.map((x) => x.quarter)).toEqual(['2026Q2', '2026Q3']);
  });
});

// Issue 12 item 12: a recompute answers the appraisal's summary and only the people it changed, so that
// the window need not move every person again; what it answers is what `appraisal/show` gives.
describe('appraisal/compute answers only who changed', () => {
  it('a recompute with nothing new answers no one, with the summary appraisal/show gives', async () => {
    const { call } = await seeded();
    const before = await call('appraisal/show', { quarter: '2026Q3' });
    const r = await call('appraisal/compute', { quarter: '2026Q3' });
    const after = await call('appraisal/show', { quarter: '2026Q3' });
    expect(r.changed).toEqual([]);
    expect(r.removed).toEqual([]);
    expect(r.previousComputedAt).toBe(before.computedAt);
    expect({ ...r.summary }).toEqual(after.summary);
    expect({ status: r.status, computedAt: r.computedAt, scheme: r.scheme }).toEqual({
      status: after.status,
      computedAt: after.computedAt,
      scheme: after.scheme,
    });
    expect(after.people).toEqual(before.people);
    // the summary's money against the outcomes themselves: A 7000 + C 3000 of bonus, B's 1000 deduction
    expect(r.summary).toMatchObject({ people: 3, bonusCost: 10_000, deductions: 1_000, grades: { S: 1, B: 1, D: 1 } });
  });

  it("one person's sales change: only that person is answered, as appraisal/show gives them", async () => {
    const { call, ws } = await seeded();
    // C's Q3 order: 100,000 → 110,000 yuan, 110 % of the 100,000 target
    ws.db.prepare("UPDATE orders SET amount = 11000000 WHERE salesperson_id = 3 AND date = '2026-07-01'").run();
    const r = await call('appraisal/compute', { quarter: '2026Q3' });
    const show = await call('appraisal/show', { quarter: '2026Q3' });
    expect(r.changed.map((p) => p.employeeNo)).toEqual(['S3']);
    expect(r.changed[0].kpis.completion).toMatchObject({ value: 110, target: 100_000, actual: 110_000 });
    expect(r.changed[0]).toEqual(show.people.find((p) => p.employeeNo === 'S3'));
    expect(r.summary).toEqual(show.summary);
  });

  it('someone no longer appraised is answered as removed; a new scheme changes everyone', async () => {
    const { call, ws } = await seeded();
    ws.db.prepare("UPDATE staff SET status = 'inactive', left_date = '2026-06-30' WHERE id = 3").run();
    const r = await call('appraisal/compute', { quarter: '2026Q3' });
    expect(r.removed).toEqual(['S3']);
    expect(r.changed).toEqual([]);
    const show = await call('appraisal/show', { quarter: '2026Q3' });
    expect(show.people.map((p) => p.employeeNo)).toEqual(['S1', 'S2']);
    expect(r.summary).toEqual(show.summary);

    const { definition } = await call('appraisal/scheme', { quarter: '2026Q3' });
    const def = structuredClone(definition);
    def.kpis.find((k) => k.key === 'completion')!.weight = 40;
    def.kpis.find((k) => k.key === 'salesGrowth')!.weight = 0;
    await call('appraisal/save-scheme', { quarter: '2026Q3', definition: def, reason: '更看重完成率' });
    // save-scheme rescored already: the computation finds nothing more to change
    expect((await call('appraisal/compute', { quarter: '2026Q3' })).changed).toEqual([]);
  });

  it('a withdrawn outcome is a change: the person is answered with their outcomes as they now are', async () => {
    const { call, ws } = await seeded();
    // B's Q1 now 87.5 %: two missed quarters instead of three, a warning instead of a demotion
    ws.db.prepare("UPDATE orders SET amount = 7000000 WHERE salesperson_id = 2 AND date LIKE '2026-02%'").run();
    const r = await call('appraisal/compute', { quarter: '2026Q3' });
    expect(r.changed.map((p) => p.employeeNo)).toEqual(['S2']);
    expect(outcomes(r.changed[0])).toEqual(
      outcomes((await call('appraisal/show', { quarter: '2026Q3', person: 'S2' })).people[0]),
    );
    expect(outcomes(r.changed[0]).map(([type]) => type)).toContain('warning');
  });
});
