import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOrder, readCells, reconcileProblems, seedOrg } from '../support/targets-org';
import { tmpWorkspace } from '../support/workspace';

const Y = 2026;

async function company(sizes: number[], hireDates?: (string | null)[]) {
  const w = tmpWorkspace();
  const org = seedOrg(w.ws.db, sizes, { hireDates });
  return { ...w, org };
}

describe('targets breakdown (P2.2)', () => {
  it('P2.2 even: equal per person and per month, by hand for 2 teams of 2 and 1', async () => {
    const { call, ws, org } = await company([2, 1]);
    await call('targets/set', { year: Y, amount: 1_200_000 });
    await call('targets/breakdown', { year: Y, method: 'even' });
    const cells = readCells(ws.db, Y);
    expect(cells.get(`team:${org.teams[0]}:Y`)!.amount).toBe(800_000);
    expect(cells.get(`team:${org.teams[1]}:Y`)!.amount).toBe(400_000);
    for (const p of org.people) {
      expect(cells.get(`person:${p.id}:Y`)!.amount).toBe(400_000);
      for (let m = 1; m <= 12; m++) expect([33_333, 33_334]).toContain(cells.get(`person:${p.id}:M${m}`)!.amount);
    }
    expect(reconcileProblems(ws.db, Y)).toEqual([]);
  });

  it('P2.2 history: people by last year actual × growth, months by last year seasonality (by hand)', async () => {
    const { call, ws, org } = await company([1, 1]);
    const [a, b] = org.people;
    // Last year: A sold 300 in March, B 100 in July (sales 400; March 3/4, July 1/4 of the year).
    addOrder(ws.db, a.id, '2025-03-10', 300_000);
    addOrder(ws.db, b.id, '2025-07-02', 100_000);
    // The data reaches past 2025, so August–December 2025 count as months without sales, not missing ones.
    addOrder(ws.db, b.id, '2026-01-05', 1);
    const r = await call('targets/breakdown', { year: Y, method: 'history', growth: 25 });
    expect(r.companyAnnual).toBe(500_000);
    const cells = readCells(ws.db, Y);
    expect(cells.get(`person:${a.id}:Y`)!.amount).toBe(375_000);
    expect(cells.get(`person:${b.id}:Y`)!.amount).toBe(125_000);
    // Each person's year follows the company's seasonality: 3/4 in March, 1/4 in July.
    expect(cells.get(`person:${a.id}:M3`)!.amount).toBe(281_250);
    expect(cells.get(`person:${a.id}:M7`)!.amount).toBe(93_750);
    expect(cells.get(`person:${b.id}:M3`)!.amount).toBe(93_750);
    expect(cells.get(`company:0:M1`)!.amount).toBe(0);
    expect(reconcileProblems(ws.db, Y)).toEqual([]);
  });

  it('P2.2 weights: twelve monthly factors and weights per person', async () => {
    const { call, ws, org } = await company([3]);
    await call('targets/set', { year: Y, amount: 600_000 });
    const weights = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    await call('targets/breakdown', {
      year: Y,
      method: 'weights',
      weights,
      personWeights: { E001: 3, E002: 2, E003: 1 },
    });
    const cells = readCells(ws.db, Y);
    expect(org.people.map((p) => cells.get(`person:${p.id}:Y`)!.amount)).toEqual([300_000, 200_000, 100_000]);
    expect(cells.get(`company:0:M12`)!.amount).toBe(0);
    expect(cells.get(`company:0:M1`)!.amount).toBe(100_000);
    expect(reconcileProblems(ws.db, Y)).toEqual([]);
  });

  it('P2.2 bottom-up: proposals share out the target, or with adopt become it', async () => {
    const { call, ws, org } = await company([2]);
    await call('targets/set', { year: Y, amount: 1_000_000 });
    await call('targets/set', { year: Y, person: 'E001', metric: 'proposal', amount: 300_000 });
    await call('targets/set', { year: Y, person: 'E002', metric: 'proposal', amount: 100_000 });
    await call('targets/breakdown', { year: Y, method: 'bottom-up' });
    let cells = readCells(ws.db, Y);
    expect(cells.get(`person:${org.people[0].id}:Y`)!.amount).toBe(750_000);
    await call('targets/breakdown', { year: Y, method: 'bottom-up', adopt: true });
    cells = readCells(ws.db, Y);
    expect(cells.get('company:0:Y')!.amount).toBe(400_000);
    expect(cells.get(`person:${org.people[1].id}:Y`)!.amount).toBe(100_000);
  });

  it('P2.2 hold and override: locked cells survive a new breakdown, the remainder is spread', async () => {
    const { call, ws, org } = await company([2, 2]);
    await call('targets/set', { year: Y, amount: 1_000_000 });
    await call('targets/set', { year: Y, person: 'E001', month: 3, amount: 50_000, lock: true });
    await call('targets/set', { year: Y, team: 'Team 2', amount: 600_000, lock: true });
    await call('targets/breakdown', { year: Y, method: 'even' });
    const cells = readCells(ws.db, Y);
    expect(cells.get(`person:${org.people[0].id}:M3`)).toEqual({ amount: 50_000, locked: true });
    expect(cells.get(`team:${org.teams[1]}:Y`)).toEqual({ amount: 600_000, locked: true });
    expect(cells.get(`team:${org.teams[0]}:Y`)!.amount).toBe(cells.get('company:0:Y')!.amount - 600_000);
    expect(reconcileProblems(ws.db, Y)).toEqual([]);
  });

  it('P2.2 property: for random trees, methods and locks the plan reconciles and locks hold, or nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.constantFrom('even', 'weights'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }),
        fc.array(
          fc.record({
            who: fc.nat(),
            period: fc.constantFrom('Y', 'Q2', 'M1', 'M5', 'M12'),
            amount: fc.integer({ min: 0, max: 5_000_000 }),
          }),
          { maxLength: 4 },
        ),
        fc.option(fc.record({ team: fc.nat(), amount: fc.integer({ min: 0, max: 30_000_000 }) }), { nil: undefined }),
        async (sizes, annual, method, monthWeights, personLocks, teamLock) => {
          const { call, attempt, ws, org } = await company(sizes);
          await call('targets/set', { year: Y, amount: annual });
          for (const l of personLocks) {
            const p = org.people[l.who % org.people.length];
            await attempt('targets/set', { year: Y, staffId: p.id, period: l.period, amount: l.amount, lock: true });
          }
          if (teamLock)
            await attempt('targets/set', {
              year: Y,
              teamId: org.teams[teamLock.team % org.teams.length],
              amount: teamLock.amount,
              lock: true,
            });
          expect(reconcileProblems(ws.db, Y)).toEqual([]);
          const lockedBefore = new Map(
            [...readCells(ws.db, Y)].filter(([, c]) => c.locked).map(([k, c]) => [k, c.amount]),
          );
          const before = JSON.stringify([...readCells(ws.db, Y)]);
          const annualBefore = readCells(ws.db, Y).get('company:0:Y')!.amount;
          const weights = monthWeights.some((w) => w > 0) ? monthWeights : undefined;
          const r = await attempt('targets/breakdown', {
            year: Y,
            method,
            ...(method === 'weights' ? { weights: weights ?? monthWeights } : {}),
          });
          if (!r.ok) {
            expect([
              'targets/locks-exceed',
              'targets/locks-mismatch',
              'targets/weights-zero',
              'targets/no-annual',
            ]).toContain(r.error.code);
            expect(JSON.stringify([...readCells(ws.db, Y)])).toBe(before);
            return;
          }
          expect(reconcileProblems(ws.db, Y)).toEqual([]);
          const after = readCells(ws.db, Y);
          for (const [k, v] of lockedBefore) expect(after.get(k)!.amount, k).toBe(v);
          expect(after.get('company:0:Y')!.amount).toBe(annualBefore);
          ws.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('P2.2 property: without locks, teams and people get their exact even share to within one yuan', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 99_999_999 }),
        async (sizes, annual) => {
          const { call, ws, org } = await company(sizes);
          await call('targets/set', { year: Y, amount: annual });
          await call('targets/breakdown', { year: Y, method: 'even' });
          const cells = readCells(ws.db, Y);
          const heads = org.people.length;
          org.teams.forEach((t, i) =>
            expect(Math.abs(cells.get(`team:${t}:Y`)!.amount - (annual * sizes[i]) / heads)).toBeLessThan(1),
          );
          for (const p of org.people) {
            const teamAmount = cells.get(`team:${p.teamId}:Y`)!.amount;
            const size = org.people.filter((x) => x.teamId === p.teamId).length;
            const y = cells.get(`person:${p.id}:Y`)!.amount;
            expect(Math.abs(y - teamAmount / size)).toBeLessThan(1);
            for (let m = 1; m <= 12; m++)
              expect(Math.abs(cells.get(`person:${p.id}:M${m}`)!.amount - y / 12)).toBeLessThan(4 / 3);
          }
          ws.close();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('P2.2 new hires get targets only for the months they work (even)', async () => {
    const { call, ws, org } = await company([2], [null, '2026-07-15']);
    await call('targets/set', { year: Y, amount: 180_000 });
    await call('targets/breakdown', { year: Y, method: 'even' });
    const cells = readCells(ws.db, Y);
    // 12 + 6 person-months: 10,000 each.
    expect(cells.get(`person:${org.people[0].id}:Y`)!.amount).toBe(120_000);
    expect(cells.get(`person:${org.people[1].id}:M6`)!.amount).toBe(0);
    expect(cells.get(`person:${org.people[1].id}:M7`)!.amount).toBe(10_000);
  });
});

describe('working-day breakdown and pace (P2.6 item 9)', () => {
  it('P2.6 working-days: each month in proportion to its official working days (2026), even per person', async () => {
    const { call, ws, org } = await company([2]);
    await call('targets/set', { year: Y, amount: 2_480_000 });
    const r = await call('targets/breakdown', { year: Y, method: 'working-days' });
    expect(r.seasonality).toBe('working-days');
    // 2026 (国办发明电〔2025〕7号), derived by month in test/unit/working-days.test.ts: 248 working days
    const days = [21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23];
    expect(r.workingDays).toEqual({ months: days, officialCalendar: true });
    const cells = readCells(ws.db, Y);
    const total = days.reduce((a, b) => a + b, 0);
    for (let m = 1; m <= 12; m++) {
      const exact = (2_480_000 * days[m - 1]) / total;
      expect(Math.abs(cells.get(`company:0:M${m}`)!.amount - exact), `M${m}`).toBeLessThanOrEqual(2);
    }
    expect(cells.get(`person:${org.people[0].id}:Y`)!.amount).toBe(1_240_000);
    expect(reconcileProblems(ws.db, Y)).toEqual([]);
  });

  it('P2.6 tracking gives the month-to-date pace on working days', async () => {
    const { call, ws, org } = await company([1]);
    await call('targets/set', { year: Y, amount: 1_200_000 });
    await call('targets/breakdown', { year: Y, method: 'even' });
    addOrder(ws.db, org.people[0].id, '2026-02-05', 48_000);
    const t = await call('targets/tracking', { year: Y, asOfDate: '2026-02-14' });
    expect(t.asOfMonth).toBe(2);
    // 11 of February 2026's 16 working days (Spring Festival off, Saturday 14 worked); 48,000 of 100,000
    expect(t.pace).toMatchObject({
      asOf: '2026-02-14',
      workingDays: 16,
      elapsedWorkingDays: 11,
      target: 100_000,
      actual: 48_000,
      targetShare: 0.48,
      officialCalendar: true,
    });
  });

  it("P2.6 the dashboard's card asks for the company alone: the same company figures, no team or person rows", async () => {
    const { call, ws, org } = await company([2, 1]);
    await call('targets/set', { year: Y, amount: 1_200_000 });
    await call('targets/breakdown', { year: Y, method: 'even' });
    addOrder(ws.db, org.people[0].id, '2026-02-05', 48_000);
    addOrder(ws.db, org.people[2].id, '2026-03-09', 30_000);
    const all = await call('targets/tracking', { year: Y, asOfDate: '2026-03-14' });
    const only = await call('targets/tracking', { year: Y, asOfDate: '2026-03-14', companyOnly: true });
    expect(all.teams).toHaveLength(2);
    expect(all.people).toHaveLength(3);
    expect(only.teams).toEqual([]);
    expect(only.people).toEqual([]);
    const { teams: _t, people: _p, ...rest } = all;
    expect(only).toEqual({ ...rest, teams: [], people: [] });
    // 78,000 sold by the as-of month, whoever sold it
    expect(only.company.ytd.actual).toBe(78_000);
  });

  it("P2.6 without a year, tracking follows the dashboard's year: that of the latest order", async () => {
    const { call, ws, org } = await company([1, 1]);
    await call('targets/set', { year: Y - 1, amount: 600_000 });
    await call('targets/breakdown', { year: Y - 1, method: 'even' });
    addOrder(ws.db, org.people[0].id, `${Y - 1}-11-20`, 40_000);
    const summary = await call('dashboard/summary', {});
    const card = await call('targets/tracking', { companyOnly: true, asOfDate: `${Y - 1}-12-31` });
    expect(summary.year).toBe(Y - 1);
    expect(card).toEqual(
      await call('targets/tracking', { year: Y - 1, companyOnly: true, asOfDate: `${Y - 1}-12-31` }),
    );
    expect(card.company.year.target).toBe(600_000);
    expect(card.company.ytd.actual).toBe(40_000);
    // an order of the next year moves both
    addOrder(ws.db, org.people[1].id, `${Y}-01-08`, 9_000);
    expect((await call('dashboard/summary', {})).year).toBe(Y);
    const next = await call('targets/tracking', { companyOnly: true });
    expect(next.year).toBe(Y);
    expect(next.company.ytd.actual).toBe(9_000);
  });
});
