import type { Database } from 'better-sqlite3';
import { BulkInsert, type DemoProgress } from './bulk-insert';
import { monthIndex, SEASON, stamp, type DemoCalendar } from './calendar';
import type { Org } from './organisation';
import type { SalesLedger } from './orders';
import { apportion } from './random';

/** Targets ask for this much more than last year's actual sales. */
export const TARGET_GROWTH_PCT = 12;
const SEASON_SUM = SEASON.reduce((a, b) => a + b, 0);
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const PERIODS = ['Y', 'Q1', 'Q2', 'Q3', 'Q4', ...Array.from({ length: 12 }, (_, i) => `M${i + 1}`)];

/**
 * A person's selling capacity in a month of a year relative to `ref` (months after the window take the
 * last window month's): 0 when they do not sell then, below 1 while ramping up or before taking over a
 * leaver's customers.
 */
function capacityIn(
  cal: DemoCalendar,
  ledger: SalesLedger,
  person: number,
  year: number,
  month: number,
  ref: number,
): number {
  let k = monthIndex(cal, year, month);
  if (k < 0) {
    const last = cal.months[23];
    if (year * 12 + month < last.year * 12 + last.month) return 0;
    k = 23;
  }
  return ledger.capacity[person * 24 + k] / ref;
}

/** The capacity of a person's latest selling month in the window (0 for people who never sell). */
function latestCapacity(ledger: SalesLedger, person: number): number {
  for (let k = 23; k >= 0; k--) if (ledger.capacity[person * 24 + k] > 0) return ledger.capacity[person * 24 + k];
  return 0;
}

/**
 * What a person would sell in a whole year at their latest capacity, from that year's actual sales:
 * months outside the window or their employment are left out, ramp-up and hand-over months scaled.
 */
function annualised(cal: DemoCalendar, ledger: SalesLedger, person: number, year: number, ref: number): number | null {
  let sales = 0;
  let season = 0;
  for (let m = 1; m <= 12; m++) {
    const k = monthIndex(cal, year, m);
    if (k < 0 || ledger.capacity[person * 24 + k] === 0) continue;
    sales += ledger.actual[person * 24 + k];
    season += (SEASON[m - 1] * ledger.capacity[person * 24 + k]) / ref;
  }
  return season > 0 ? (sales / season) * SEASON_SUM : null;
}

/** Last year's share of each month in the company's sales (seasonality from the window when it holds the whole year). */
function monthShares(cal: DemoCalendar, ledger: SalesLedger, year: number): number[] {
  const ks = MONTHS.map((m) => monthIndex(cal, year, m));
  const raw = ks.some((k) => k < 0)
    ? [...SEASON]
    : ks.map((k) => {
        let s = 0;
        for (let p = 0; p < ledger.actual.length / 24; p++) s += ledger.actual[p * 24 + k];
        return s;
      });
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / total);
}

/**
 * The approved target plan of a year (P2.1, P2.2), set by the 'history' method: each person's last-year
 * sales (annualised, and scaled to the customers they hold now) plus 12%, the company's total rounded to
 * ¥10,000 and split to teams and people in those proportions, then to months by last year's seasonality
 * and the months each person sells. Every split uses whole yuan and largest remainders, and each level
 * is the sum of the one below, so the grid reconciles exactly.
 */
function planYear(ins: BulkInsert, db: Database, cal: DemoCalendar, org: Org, ledger: SalesLedger, year: number): void {
  const shares = monthShares(cal, ledger, year - 1);
  const ref = new Map(org.sellers.map((s) => [s, latestCapacity(ledger, s)]));
  const factors = new Map(
    org.sellers.map((s) => [
      s,
      MONTHS.map((m) => (ref.get(s)! > 0 ? capacityIn(cal, ledger, s, year, m, ref.get(s)!) : 0)),
    ]),
  );
  const members = org.sellers.filter((s) => factors.get(s)!.some((f) => f > 0));
  const level = new Map(members.map((s) => [s, annualised(cal, ledger, s, year - 1, ref.get(s)!)]));
  // Someone with no history last year gets the team's sales per unit of capacity, a little lower.
  const newcomerLevel = (s: number) => {
    const known = members.filter((m) => org.people[m].team === org.people[s].team && level.get(m) !== null);
    const perCapacity = known.reduce((a, m) => a + level.get(m)!, 0) / known.reduce((a, m) => a + ref.get(m)!, 0);
    return known.length > 0 ? 0.9 * perCapacity * ref.get(s)! : 0;
  };
  const weight = new Map(
    members.map((s) => [
      s,
      (level.get(s) ?? newcomerLevel(s)) * factors.get(s)!.reduce((a, f, m) => a + f * shares[m], 0),
    ]),
  );
  const sumWeights = (list: number[]) => list.reduce((a, s) => a + weight.get(s)!, 0);
  const company = Math.round((sumWeights(members) * (1 + TARGET_GROWTH_PCT / 100)) / 100 / 10_000) * 10_000;
  const byTeam = org.teams.map((_, t) => members.filter((s) => org.people[s].team === t));
  const teamYuan = apportion(company, byTeam.map(sumWeights));

  const updatedAt = stamp(`${year - 1}-12-28`, 10);
  const cell = (scope: string, scopeId: number, values: number[]) => {
    values.forEach((yuan, k) => {
      const o = ins.row();
      ins.p[o] = year;
      ins.p[o + 1] = scope;
      ins.p[o + 2] = scopeId;
      ins.p[o + 3] = PERIODS[k];
      ins.p[o + 4] = 'sales';
      ins.p[o + 5] = yuan * 100;
      ins.p[o + 6] = 0;
      ins.p[o + 7] = updatedAt;
    });
  };
  const companyCells = new Array<number>(PERIODS.length).fill(0);
  org.teams.forEach((team, t) => {
    const teamCells = new Array<number>(PERIODS.length).fill(0);
    const personYuan = apportion(
      teamYuan[t],
      byTeam[t].map((s) => weight.get(s)!),
    );
    byTeam[t].forEach((s, i) => {
      const months = apportion(
        personYuan[i],
        shares.map((share, m) => share * factors.get(s)![m]),
      );
      const values = [
        personYuan[i],
        ...[0, 1, 2, 3].map((q) => months[3 * q] + months[3 * q + 1] + months[3 * q + 2]),
        ...months,
      ];
      values.forEach((v, c) => (teamCells[c] += v));
      cell('person', org.people[s].id, values);
    });
    teamCells.forEach((v, c) => (companyCells[c] += v));
    cell('team', team.id, teamCells);
  });
  cell('company', 0, companyCells);

  db.prepare(
    "INSERT INTO target_plans (year, status, method, growth_pct, weights, approved_by, approved_at) VALUES (?, 'approved', 'history', ?, NULL, ?, ?)",
  ).run(year, TARGET_GROWTH_PCT, org.people[org.director].name, updatedAt);
}

/**
 * Targets for the current year and, when the appraisal quarter lies in last year (today in Q1), for last
 * year too, so that the appraisal in progress has targets to measure against. Returns the cells written.
 */
export function createTargets(
  db: Database,
  cal: DemoCalendar,
  org: Org,
  ledger: SalesLedger,
  progress: DemoProgress,
): number {
  const ins = new BulkInsert(
    db,
    'target_cells',
    ['year', 'scope', 'scope_id', 'period', 'metric', 'amount', 'locked', 'updated_at'],
    progress,
  );
  for (const year of new Set([cal.appraisalYear, cal.targetYear])) planYear(ins, db, cal, org, ledger, year);
  return ins.end();
}
