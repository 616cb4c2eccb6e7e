import type { Database } from 'better-sqlite3';

/**
 * Actual sales against target (P2.6, and the "target completion rate" KPI of P6.1).
 * All amounts here are integer fen, as stored; months are 1..12. A person's orders count for the
 * team the person belongs to now (the roster keeps no team history).
 */

export interface MonthlyActuals {
  /** Sales in fen by month: index 0 = January. */
  sales: number[];
  /** Profit in fen by month (orders without a profit count as 0). */
  profit: number[];
}

const zeros = () => new Array<number>(12).fill(0);
const blank = (): MonthlyActuals => ({ sales: zeros(), profit: zeros() });

interface YearActuals {
  /** Per salesperson id. */
  byPerson: Map<number, MonthlyActuals>;
  /** Every order of the company, including those without a salesperson. */
  company: MonthlyActuals;
}

/**
 * Sales and profit per salesperson and month of a year, plus the company's months, read from the monthly
 * totals per salesperson that triggers keep in step with every write to the order lines (migration 009,
 * `order_month_totals`; salesperson 0 holds the lines without one). On the large demo (1,000,000 lines)
 * this is a few thousand rows and a few milliseconds, where summing the lines took ≈ 230 ms a year, which
 * the dashboard's target card paid at the first opening (issue 12 item 11). `months` limits the months read.
 */
export function yearActuals(
  db: Database,
  year: number,
  months: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
): YearActuals {
  const rows = db
    .prepare(
      `SELECT CAST(substr(month, 6, 2) AS INTEGER) AS m, salesperson_id AS sid, sales, profit
       FROM order_month_totals WHERE month >= ? AND month <= ?`,
    )
    .all(`${year}-01`, `${year}-12`) as { m: number; sid: number; sales: number; profit: number }[];
  const wanted = new Set(months);
  const byPerson = new Map<number, MonthlyActuals>();
  const company = blank();
  for (const r of rows) {
    if (!wanted.has(r.m)) continue;
    company.sales[r.m - 1] += r.sales;
    company.profit[r.m - 1] += r.profit;
    if (r.sid === 0) continue;
    let a = byPerson.get(r.sid);
    if (!a) byPerson.set(r.sid, (a = blank()));
    a.sales[r.m - 1] += r.sales;
    a.profit[r.m - 1] += r.profit;
  }
  return { byPerson, company };
}

interface PersonTargetActual {
  staffId: number;
  employeeNo: string;
  name: string;
  teamId: number | null;
  teamName: string | null;
  status: 'active' | 'inactive';
  /** Sales target for the requested months, fen (0 when the person has no target cells). */
  target: number;
  /** Actual sales in the requested months, fen. */
  actual: number;
  /** actual ÷ target, or null when the target is 0. */
  completion: number | null;
  profitTarget: number;
  actualProfit: number;
  /** Stretch (冲刺) and challenge (挑战) levels for those months, fen, or null when none is set (P2.2, used by P6.2). */
  stretch: number | null;
  challenge: number | null;
  /** Whether the person has any sales target cell in the year. */
  hasTarget: boolean;
}

/**
 * Per salesperson: the target for the given months of a year (sum of the person's month cells) and the
 * actual sales in those months, so that e.g. a quarter's completion rate = actual ÷ target (P6.1).
 * Stretch and challenge levels are kept per year; for a part of the year they are prorated by the
 * person's own monthly target (so a quarter's stretch = annual stretch × the quarter's share of the target).
 * Lists everyone who has a target cell in the year or an order in those months.
 */
export function targetAndActualByPerson(db: Database, input: { year: number; months: number[] }): PersonTargetActual[] {
  const { year } = input;
  const months = [...new Set(input.months)]
    .filter((m) => Number.isInteger(m) && m >= 1 && m <= 12)
    .sort((a, b) => a - b);
  const inMonths = new Set(months.map((m) => `M${m}`));
  const cells = db
    .prepare(
      `SELECT scope_id AS sid, period, metric, amount FROM target_cells
       WHERE year = ? AND scope = 'person' AND (period = 'Y' OR period LIKE 'M%')`,
    )
    .all(year) as { sid: number; period: string; metric: string; amount: number }[];
  type Acc = {
    target: number;
    targetYear: number;
    profitTarget: number;
    stretchYear: number | null;
    challengeYear: number | null;
    has: boolean;
  };
  const acc = new Map<number, Acc>();
  const get = (sid: number) => {
    let a = acc.get(sid);
    if (!a)
      acc.set(
        sid,
        (a = { target: 0, targetYear: 0, profitTarget: 0, stretchYear: null, challengeYear: null, has: false }),
      );
    return a;
  };
  for (const c of cells) {
    const a = get(c.sid);
    if (c.metric === 'sales') {
      a.has = true;
      if (c.period === 'Y') a.targetYear = c.amount;
      else if (inMonths.has(c.period)) a.target += c.amount;
    } else if (c.metric === 'profit' && inMonths.has(c.period)) a.profitTarget += c.amount;
    else if (c.metric === 'stretch' && c.period === 'Y') a.stretchYear = c.amount;
    else if (c.metric === 'challenge' && c.period === 'Y') a.challengeYear = c.amount;
  }
  const actual = new Map<number, { sales: number; profit: number }>();
  for (const [sid, a] of yearActuals(db, year, months).byPerson) {
    actual.set(sid, {
      sales: months.reduce((t, m) => t + a.sales[m - 1], 0),
      profit: months.reduce((t, m) => t + a.profit[m - 1], 0),
    });
    get(sid);
  }
  const staff = db
    .prepare(
      'SELECT s.id, s.employee_no AS employeeNo, s.name, s.team_id AS teamId, t.name AS teamName, s.status FROM staff s LEFT JOIN teams t ON t.id = s.team_id',
    )
    .all() as {
    id: number;
    employeeNo: string;
    name: string;
    teamId: number | null;
    teamName: string | null;
    status: 'active' | 'inactive';
  }[];
  const prorate = (annual: number | null, a: Acc) =>
    annual === null
      ? null
      : a.targetYear > 0
        ? Math.round((annual * a.target) / a.targetYear)
        : months.length === 12
          ? annual
          : Math.round((annual * months.length) / 12);
  const out: PersonTargetActual[] = [];
  for (const s of staff) {
    const a = acc.get(s.id);
    if (!a) continue;
    const act = actual.get(s.id) ?? { sales: 0, profit: 0 };
    out.push({
      staffId: s.id,
      employeeNo: s.employeeNo,
      name: s.name,
      teamId: s.teamId,
      teamName: s.teamName,
      status: s.status,
      target: a.target,
      actual: act.sales,
      completion: a.target > 0 ? act.sales / a.target : null,
      profitTarget: a.profitTarget,
      actualProfit: act.profit,
      stretch: prorate(a.stretchYear, a),
      challenge: prorate(a.challengeYear, a),
      hasTarget: a.has,
    });
  }
  return out.sort((x, y) => x.employeeNo.localeCompare(y.employeeNo));
}
