import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addOrder, readCells, reconcileProblems, seedOrg } from '../support/targets-org';
import { cli } from '../support/cli';
import { tmpWorkspace } from '../support/workspace';

/** P2.2: the history method on 3 December 2026, when 2026 (the base of 2027) is not over yet. */

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 3, 10, 0, 0));
});
afterEach(() => vi.useRealTimers());

/** A sells 100,000 and B 50,000 a month in 2026 up to 2 December; December 2025: A 150,000, B 75,000. */
function twoSellers(hireDates?: (string | null)[]) {
  const w = tmpWorkspace();
  const org = seedOrg(w.ws.db, [2], { hireDates });
  const [a, b] = org.people;
  for (let m = 1; m <= 11; m++) {
    const d = `2026-${String(m).padStart(2, '0')}-10`;
    addOrder(w.ws.db, a.id, d, 100_000);
    addOrder(w.ws.db, b.id, d, 50_000);
  }
  addOrder(w.ws.db, a.id, '2025-12-10', 150_000);
  addOrder(w.ws.db, b.id, '2025-12-10', 75_000);
  addOrder(w.ws.db, a.id, '2026-12-02', 4_000);
  return { ...w, org, a, b };
}

describe('history base of an incomplete year (P2.2)', () => {
  it('P2.2 refuses a silent zero December: names the missing month in both languages, writes nothing', async () => {
    const { attempt, ws } = twoSellers();
    for (const lang of ['en', 'zh-CN'] as const) {
      const r = await attempt('targets/breakdown', { year: 2027, method: 'history', growth: 0 }, lang);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('targets/base-incomplete');
      expect(r.error.message).toContain('12');
      expect(r.error.message).toContain('2026-12-02');
      expect(r.error.message).toMatch(lang === 'en' ? /last 12 complete months/ : /最近 12 个完整月/);
    }
    expect(readCells(ws.db, 2027).size).toBe(0);
  });

  it('P2.2 says which months are missing before anything runs', async () => {
    const { call } = twoSellers();
    const b = await call('targets/history-base', { year: 2027, metric: 'sales' });
    expect(b).toMatchObject({
      baseYear: 2026,
      kind: null,
      missing: [12],
      lastOrder: '2026-12-02',
      today: '2026-12-03',
      last12: { from: '2025-12', to: '2026-11' },
    });
    // Without a choice the base as it stands is January–November only: 11 × 150,000 + 4,000 (2 December).
    expect(b.total).toBe(1_654_000);
    const chosen = await call('targets/history-base', { year: 2027, metric: 'sales', base: 'last-12' });
    expect(chosen.sources).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2025-12',
    ]);
    expect(chosen.total).toBe(1_875_000);
  });

  for (const base of ['last-12', 'fill'] as const) {
    it(`P2.2 ${base}: December comes from December 2025, checked by hand`, async () => {
      const { call, ws, a, b } = twoSellers();
      const r = await call('targets/breakdown', { year: 2027, method: 'history', growth: 0, base });
      // Base: 11 × (100,000 + 50,000) + (150,000 + 75,000) = 1,875,000; A has 2/3 of it in every month.
      expect(r.companyAnnual).toBe(1_875_000);
      expect(r.base).toMatchObject({ kind: base, missing: [12] });
      const cells = readCells(ws.db, 2027);
      expect(cells.get(`person:${a.id}:Y`)!.amount).toBe(1_250_000);
      expect(cells.get(`person:${b.id}:Y`)!.amount).toBe(625_000);
      // Months follow the base's season: 150,000 of 1,875,000 a month, December 225,000.
      expect(cells.get(`person:${a.id}:M1`)!.amount).toBe(100_000);
      expect(cells.get(`person:${a.id}:M12`)!.amount).toBe(150_000);
      expect(cells.get(`person:${b.id}:M12`)!.amount).toBe(75_000);
      expect(cells.get('company:0:M12')!.amount).toBe(225_000);
      expect(reconcileProblems(ws.db, 2027)).toEqual([]);
    });
  }

  it('P2.2 a complete base year needs no choice; someone hired mid-year is pro-rated and named', async () => {
    const w = tmpWorkspace();
    const org = seedOrg(w.ws.db, [2], { hireDates: ['2020-01-01', '2025-07-01'] });
    const [a, c] = org.people;
    // 2025: A sells 10,000 every month; C, hired 1 July, 10,000 every month from July (6 months).
    for (let m = 1; m <= 12; m++) {
      const d = `2025-${String(m).padStart(2, '0')}-15`;
      addOrder(w.ws.db, a.id, d, 10_000);
      if (m >= 7) addOrder(w.ws.db, c.id, d, 10_000);
    }
    addOrder(w.ws.db, a.id, '2026-11-20', 1);
    const r = await w.call('targets/breakdown', { year: 2026, method: 'history', growth: 0 });
    expect(r.base).toMatchObject({
      kind: 'year',
      missing: [],
      prorated: [{ employeeNo: c.employeeNo, hireDate: '2025-07-01', months: 6 }],
    });
    // Base 180,000. Weights: A 120,000; C 60,000 × 12 / 6 = 120,000: half each (without pro-rating C would get a third).
    expect(r.companyAnnual).toBe(180_000);
    const cells = readCells(w.ws.db, 2026);
    expect(cells.get(`person:${a.id}:Y`)!.amount).toBe(90_000);
    expect(cells.get(`person:${c.id}:Y`)!.amount).toBe(90_000);
    expect(reconcileProblems(w.ws.db, 2026)).toEqual([]);
  });

  it('P2.2 the share of a month a hire worked: from the hire day on, a leap February, the first and the last day', async () => {
    const w = tmpWorkspace();
    const hires = ['2023-06-01', '2024-02-15', '2024-03-01', '2024-05-31', '2024-12-31', '2025-01-10'];
    const org = seedOrg(w.ws.db, [hires.length], { hireDates: hires });
    for (let m = 1; m <= 12; m++) addOrder(w.ws.db, org.people[0].id, `2024-${String(m).padStart(2, '0')}-20`, 1_000);
    addOrder(w.ws.db, org.people[0].id, '2025-06-01', 1);
    const b = await w.call('targets/history-base', { year: 2025, metric: 'sales' });
    expect(b.kind).toBe('year');
    // Worked months of 2024, by hand: 15 of February's 29 days + March–December; March on; 1 of May's
    // 31 days + June–December; 1 of December's 31 days. Hired before 2024: a whole year; after: no history.
    expect(b.prorated).toEqual([
      { employeeNo: 'E002', name: 'Person 2', hireDate: '2024-02-15', months: Math.round((10 + 15 / 29) * 10) / 10 },
      { employeeNo: 'E003', name: 'Person 3', hireDate: '2024-03-01', months: 10 },
      { employeeNo: 'E004', name: 'Person 4', hireDate: '2024-05-31', months: Math.round((7 + 1 / 31) * 10) / 10 },
      { employeeNo: 'E005', name: 'Person 5', hireDate: '2024-12-31', months: 0 },
    ]);
  });

  it('P2.2 the command line refuses without --base and, with it, says what the breakdown rested on', () => {
    vi.useRealTimers();
    // Base 2098 is wholly ahead of any real clock; the data ends in December 2025, so the last 12 complete months are 2025.
    const { dir, ws } = tmpWorkspace();
    const org = seedOrg(ws.db, [2]);
    for (let m = 1; m <= 12; m++)
      addOrder(ws.db, org.people[m % 2].id, `2025-${String(m).padStart(2, '0')}-05`, 1_000 * m);
    ws.close();
    const args = ['--data-dir', dir, 'targets', 'breakdown', '--year', '2099', '--method', 'history', '--growth', '0'];
    const refused = cli(args);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/2098 is not complete yet/);
    const done = cli([...args, '--base', 'last-12']);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('the last 12 complete months, 2025-01 to 2025-12');
    expect(done.stdout).toContain('¥78,000');
    const zh = cli([...args, '--base', 'last-12', '--lang', 'zh-CN']);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('最近 12 个完整月，2025-01 至 2025-12');
  });
});
