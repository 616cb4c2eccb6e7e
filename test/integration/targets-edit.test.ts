import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOrder, readCells, reconcileProblems, seedOrg } from '../support/targets-org';
import { tmpWorkspace } from '../support/workspace';

const Y = 2026;
const snapshot = (db: Parameters<typeof readCells>[0]) => JSON.stringify([...readCells(db, Y)].sort());

describe('editing targets (P2.2 grid rules, P2.6 workflow and audit)', () => {
  it('P2.2 property: any sequence of typed cells and locks keeps the plan reconciled and every other lock held, or changes nothing', async () => {
    const cell = fc.record({
      scope: fc.constantFrom('company', 'team', 'person', 'person'),
      who: fc.nat(),
      period: fc.constantFrom('Y', 'Q1', 'Q3', 'M2', 'M6', 'M7', 'M11'),
      amount: fc.integer({ min: 0, max: 9_000_000 }),
      lock: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(cell, { minLength: 1, maxLength: 8 }),
        async (sizes, edits) => {
          const w = tmpWorkspace();
          const org = seedOrg(w.ws.db, sizes);
          await w.call('targets/set', { year: Y, amount: 12_000_000 });
          for (const e of edits) {
            const ref =
              e.scope === 'company'
                ? {}
                : e.scope === 'team'
                  ? { teamId: org.teams[e.who % org.teams.length] }
                  : { staffId: org.people[e.who % org.people.length].id };
            const before = readCells(w.ws.db, Y);
            const r = await w.attempt('targets/set', {
              year: Y,
              ...ref,
              period: e.period,
              amount: e.amount,
              ...(e.lock ? { lock: true } : {}),
            });
            const after = readCells(w.ws.db, Y);
            if (!r.ok) {
              expect(['targets/locks-exceed', 'targets/locks-mismatch', 'targets/locked-ancestor']).toContain(
                r.error.code,
              );
              expect(JSON.stringify([...after].sort())).toBe(JSON.stringify([...before].sort()));
              continue;
            }
            expect(reconcileProblems(w.ws.db, Y)).toEqual([]);
            const key =
              e.scope === 'company'
                ? `company:0:${e.period}`
                : e.scope === 'team'
                  ? `team:${(ref as { teamId: number }).teamId}:${e.period}`
                  : `person:${(ref as { staffId: number }).staffId}:${e.period}`;
            expect(after.get(key)!.amount, key).toBe(e.amount);
            // Every locked cell other than the typed one (and, for a team's or the company's quarter or month, its people's) holds.
            for (const [k, c] of before) {
              if (!c.locked || k === key) continue;
              if (e.scope !== 'person' && e.period !== 'Y' && k.startsWith('person:') && k.endsWith(`:${e.period}`))
                continue;
              expect(after.get(k)!.amount, k).toBe(c.amount);
            }
          }
          w.ws.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('P2.2 typing into a child with a locked parent takes the difference from the unlocked siblings', async () => {
    const w = tmpWorkspace();
    const org = seedOrg(w.ws.db, [3]);
    await w.call('targets/set', { year: Y, amount: 900_000, lock: true });
    await w.call('targets/set', { year: Y, person: 'E001', amount: 500_000 });
    const cells = readCells(w.ws.db, Y);
    expect(cells.get('company:0:Y')!.amount).toBe(900_000);
    expect(cells.get(`person:${org.people[0].id}:Y`)!.amount).toBe(500_000);
    expect(cells.get(`person:${org.people[1].id}:Y`)!.amount).toBe(200_000);
    expect(cells.get(`person:${org.people[2].id}:Y`)!.amount).toBe(200_000);
  });

  it('refuses bad input with a clear message and a stable code, changing nothing', async () => {
    const w = tmpWorkspace();
    const org = seedOrg(w.ws.db, [2]);
    await w.call('targets/set', { year: Y, amount: 1_000_000 });
    await w.call('targets/set', { year: Y, person: 'E001', amount: 600_000, lock: true });
    const e2 = org.people[1].id;
    const before = snapshot(w.ws.db);
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['targets/set', { year: Y, amount: -5 }, 'targets/negative', /cannot be negative/],
      ['targets/set', { year: Y, amount: 'lots' }, 'targets/not-a-number', /"lots" is not an amount/],
      ['targets/set', { year: Y, amount: '12.5' }, 'targets/not-whole-yuan', /whole yuan/],
      ['targets/set', { year: Y, person: 'NOPE', amount: 1 }, 'targets/unknown-person', /NOPE/],
      ['targets/set', { year: Y, team: 'Team 1', amount: 500_000 }, 'targets/locks-exceed', /600,?000|600000/],
      [
        'targets/breakdown',
        { year: Y, method: 'weights', weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
        'targets/weights-zero',
        /zero/,
      ],
      ['targets/breakdown', { year: Y, method: 'history' }, 'targets/no-history', /no sales in 2025/],
      ['targets/breakdown', { year: Y, method: 'weights' }, 'targets/weights-missing', /twelve monthly weights/],
      ['targets/breakdown', { year: Y, method: 'bottom-up' }, 'targets/no-proposals', /proposed/],
      [
        'targets/paste',
        {
          year: Y,
          cells: [
            { scope: 'person', id: e2, period: 'M1', amount: '100' },
            { scope: 'person', id: e2, period: 'M2', amount: 'x' },
          ],
        },
        'targets/paste-cell',
        /"x"/,
      ],
    ];
    for (const [op, input, code, message] of cases) {
      const r = await w.attempt(op, input);
      expect(r.ok, `${op} ${JSON.stringify(input)}`).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(message);
      expect(snapshot(w.ws.db)).toBe(before);
    }
    const zh = await w.attempt('targets/set', { year: Y, amount: -1 }, 'zh-CN');
    expect(!zh.ok && zh.error.message).toContain('不能为负数');
    const wrongType = await w.attempt('targets/breakdown', { year: Y, method: 'magic' });
    expect(!wrongType.ok && wrongType.error.code).toBe('request/invalid-input');
  });

  it('P2.6 workflow: draft → submitted → approved; approved plans change only by an adjustment with a reason', async () => {
    const w = tmpWorkspace();
    seedOrg(w.ws.db, [2]);
    await w.call('targets/set', { year: Y, amount: 1_000_000 });
    expect(await w.call('targets/workflow', { year: Y, action: 'submit' })).toEqual({ year: Y, status: 'submitted' });
    expect((await w.attempt('targets/set', { year: Y, amount: 2 })).ok).toBe(false);
    await w.call('targets/workflow', { year: Y, action: 'reopen' });
    await w.call('targets/workflow', { year: Y, action: 'submit' });
    await w.call('targets/workflow', { year: Y, action: 'approve' });
    const refused = await w.attempt('targets/set', { year: Y, person: 'E001', month: 3, amount: 1 });
    expect(!refused.ok && refused.error.code).toBe('targets/adjustment-needs-reason');
    const bad = await w.attempt('targets/workflow', { year: Y, action: 'reopen' });
    expect(!bad.ok && bad.error.code).toBe('targets/bad-transition');
    await w.call('targets/set', { year: Y, person: 'E001', month: 3, amount: 1, reason: 'customer lost' });
    const staffId = (w.ws.db.prepare("SELECT id FROM staff WHERE employee_no = 'E001'").get() as { id: number }).id;
    const history = await w.call('targets/cell-history', {
      year: Y,
      scope: 'person',
      id: staffId,
      period: 'M3',
    });
    expect(history[0]).toMatchObject({ action: 'set', newAmount: 1, reason: 'customer lost' });
    expect(history.some((h) => h.action === 'status:approved')).toBe(true);
    expect(history.at(-1)).toMatchObject({ action: 'set', oldAmount: null });
  });

  it('undo puts back the last change exactly; paste applies a block all at once', async () => {
    const w = tmpWorkspace();
    const org = seedOrg(w.ws.db, [2, 1]);
    await w.call('targets/set', { year: Y, amount: 3_000_000 });
    const before = snapshot(w.ws.db);
    await w.call('targets/set', { year: Y, team: 'Team 1', amount: 2_500_001 });
    expect(snapshot(w.ws.db)).not.toBe(before);
    const u = await w.call('targets/undo', { year: Y });
    expect(u.undone).toBe('set');
    expect(snapshot(w.ws.db)).toBe(before);
    await w.call('targets/paste', {
      year: Y,
      cells: [
        { scope: 'person', id: org.people[0].id, period: 'M1', amount: '1,000' },
        { scope: 'person', id: org.people[0].id, period: 'M2', amount: '¥2000' },
        { scope: 'person', id: org.people[1].id, period: 'M1', amount: 3000 },
      ],
    });
    const cells = readCells(w.ws.db, Y);
    expect(cells.get(`person:${org.people[0].id}:M2`)!.amount).toBe(2000);
    expect(cells.get(`team:${org.teams[0]}:M1`)!.amount).toBe(4000);
    expect(reconcileProblems(w.ws.db, Y)).toEqual([]);
  });

  it('P2.2 stretch and challenge tiers per person, never below the target', async () => {
    const w = tmpWorkspace();
    seedOrg(w.ws.db, [2]);
    await w.call('targets/set', { year: Y, amount: 1_000_000 });
    await w.call('targets/tiers', { year: Y, stretchPct: 10, challengePct: 25 });
    const show = await w.call('targets/show', { year: Y });
    expect(show.people[0]).toMatchObject({ annual: 500_000, stretch: 550_000, challenge: 625_000 });
    const low = await w.attempt('targets/set', { year: Y, person: 'E001', metric: 'stretch', amount: 400_000 });
    expect(!low.ok && low.error.code).toBe('targets/tier-below');
  });

  it('P2.3/P2.4 notes attach to a year, a team, a person or a cell', async () => {
    const w = tmpWorkspace();
    const org = seedOrg(w.ws.db, [1]);
    const n = await w.call('targets/note-save', {
      year: Y,
      staffId: org.people[0].id,
      period: 'M3',
      kind: 'competitor',
      title: 'Rival cuts prices in March',
    });
    await w.call('targets/note-save', { year: Y, kind: 'strategy', title: 'Focus on key accounts' });
    expect((await w.call('targets/notes', { year: Y })).length).toBe(2);
    await w.call('targets/note-delete', { id: n.id });
    expect((await w.call('targets/notes', { year: Y })).length).toBe(1);
    const bad = await w.attempt('targets/note-save', { year: Y, kind: 'gossip', title: 'x' });
    expect(bad.ok).toBe(false);
  });

  it('P2.6 tracking: completion for the month, the quarter to date and the year to date, with the gap (by hand)', async () => {
    const w = tmpWorkspace();
    const org = seedOrg(w.ws.db, [2]);
    await w.call('targets/set', { year: Y, amount: 24_000 });
    await w.call('targets/breakdown', { year: Y, method: 'even' });
    const [a, b] = org.people;
    addOrder(w.ws.db, a.id, '2026-01-05', 500);
    addOrder(w.ws.db, a.id, '2026-02-05', 1500);
    addOrder(w.ws.db, a.id, '2026-04-05', 800);
    addOrder(w.ws.db, b.id, '2026-04-09', 2500);
    const tr = await w.call('targets/tracking', { year: Y });
    expect(tr.asOfMonth).toBe(4);
    const pa = tr.people.find((p) => p.id === a.id)!;
    expect(pa.month).toMatchObject({ completion: 0.8, gap: -200 });
    expect(pa.quarter).toMatchObject({ target: 1000, actual: 800 });
    // The quarter's figures are to date (April only); the whole quarter's target (April–June) is its own figure.
    expect(pa.quarterTarget).toBe(3000);
    expect(pa.ytd).toMatchObject({ target: 4000, actual: 2800, completion: 0.7, gap: -1200 });
    expect(tr.company.ytd.completion).toBeCloseTo(5300 / 8000, 10);
    expect(tr.months[3].cumulativeActual).toBe(5300);
  });
});
