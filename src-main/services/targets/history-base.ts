import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import { WorkbenchError } from '../../contract/errors';
import type { HistoryBase, HistoryBaseChoice } from '../../contract/targets';
import { latestOrderDate, monthlySales, type MonthlyActuals } from '../../db/access/orders';
import type { Plan, PlanNode } from './plan';
import { today as localToday } from '../context';

/**
 * The base of the history method and of a growth % (P2.2): last year's actuals month by month. On
 * 3 December the base year is not over, and taking January–November as a full year made every
 * December of the new year 0 and the company's target ≈ 8 % low without a word. So a month counts only
 * when it has ended (before today) and the data reaches into it (the latest order is in it or later); a
 * base year with missing months is refused until the manager chooses what stands in for them.
 */

export interface BaseActuals {
  info: HistoryBase;
  /** By calendar month (index 0 = January), from the months in `info.sources`; fen. */
  company: MonthlyActuals;
  byPerson: Map<number, MonthlyActuals>;
  /** Per salesperson id: 12 ÷ months worked in the base, for people hired inside it. */
  scale: Map<number, number>;
}

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** Whether month m of year y has ended before `today` and the data reaches into it. */
function complete(y: number, m: number, today: string, lastOrder: string | null): boolean {
  const start = dayjs(`${ym(y, m)}-01`);
  return (
    lastOrder !== null && start.endOf('month').format('YYYY-MM-DD') < today && lastOrder >= start.format('YYYY-MM-DD')
  );
}

/** The last complete month before today, as [year, month], or null. */
function lastComplete(today: string, lastOrder: string | null): [number, number] | null {
  if (lastOrder === null) return null;
  let d = dayjs(lastOrder < today ? lastOrder : today).startOf('month');
  for (let k = 0; k < 2; k++, d = d.subtract(1, 'month'))
    if (complete(d.year(), d.month() + 1, today, lastOrder)) return [d.year(), d.month() + 1];
  return null;
}

/** Days in month m (1–12) of year y. */
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Share of month (y, m) a person hired on `hire` (YYYY-MM-DD) worked in: 0, 1 or the part from the hire
 * day on. Plain text and numbers: with dayjs, 1,000 people × 12 months took ≈ 85 ms of a ≈ 300 ms breakdown.
 */
function worked(hire: string, y: number, m: number): number {
  const days = daysIn(y, m);
  const month = ym(y, m);
  const day = hire.slice(0, 10);
  if (day > `${month}-${String(days).padStart(2, '0')}`) return 0;
  if (day <= `${month}-01`) return 1;
  return (days - Number(day.slice(8, 10)) + 1) / days;
}

/**
 * Works out the base of a plan's year: the base year when complete, otherwise the chosen stand-in.
 * `strict` refuses (`targets/base-incomplete`) when months are missing and nothing was chosen.
 */
export function historyBase(
  db: Database,
  plan: Pick<Plan, 'year' | 'people'>,
  metric: 'sales' | 'profit',
  choice: HistoryBaseChoice | undefined,
  strict: boolean,
): BaseActuals {
  const baseYear = plan.year - 1;
  const today = localToday();
  const lastOrder = latestOrderDate(db);
  const missing: number[] = [];
  for (let m = 1; m <= 12; m++) if (!complete(baseYear, m, today, lastOrder)) missing.push(m);
  const last = lastComplete(today, lastOrder);
  const last12 = last
    ? {
        from: dayjs(`${ym(last[0], last[1])}-01`)
          .subtract(11, 'month')
          .format('YYYY-MM'),
        to: ym(last[0], last[1]),
      }
    : null;
  const kind: HistoryBase['kind'] = missing.length === 0 ? 'year' : (choice ?? null);
  if (lastOrder === null && strict) throw new WorkbenchError('targets/no-history', { year: baseYear });
  if (kind === null && strict) {
    throw new WorkbenchError('targets/base-incomplete', {
      year: baseYear,
      missing: missing.join(', '),
      lastOrder: lastOrder ?? '—',
      today,
    });
  }
  // Which month's actuals stand for each calendar month.
  const src: [number, number][] = [];
  for (let m = 1; m <= 12; m++) {
    if (kind === 'last-12' && last) src.push([m <= last[1] ? last[0] : last[0] - 1, m]);
    else if (kind === 'fill' && missing.includes(m)) {
      // The nearest earlier year whose same month is complete (the year before may not be over either).
      let y = baseYear - 1;
      while (y > baseYear - 4 && !complete(y, m, today, lastOrder)) y--;
      src.push([y, m]);
    } else src.push([baseYear, m]);
  }
  const pick = (a: MonthlyActuals) => (metric === 'profit' ? a.profit : a.sales);
  const company: MonthlyActuals = { sales: new Array<number>(12).fill(0), profit: new Array<number>(12).fill(0) };
  const byPerson = new Map<number, MonthlyActuals>();
  for (const y of new Set(src.map(([sy]) => sy))) {
    const months = src.filter(([sy]) => sy === y).map(([, m]) => m);
    const a = monthlySales(db, y, months);
    for (const m of months) {
      company.sales[m - 1] = a.company.sales[m - 1];
      company.profit[m - 1] = a.company.profit[m - 1];
      for (const [sid, pa] of a.byPerson) {
        let t = byPerson.get(sid);
        if (!t)
          byPerson.set(sid, (t = { sales: new Array<number>(12).fill(0), profit: new Array<number>(12).fill(0) }));
        t.sales[m - 1] = pa.sales[m - 1];
        t.profit[m - 1] = pa.profit[m - 1];
      }
    }
  }
  // Someone hired inside the base has only part of a year of history: scaled to twelve months, and said so.
  const hires = db
    .prepare('SELECT id, employee_no AS employeeNo, name, hire_date AS hireDate FROM staff WHERE hire_date IS NOT NULL')
    .all() as { id: number; employeeNo: string; name: string; hireDate: string }[];
  const inPlan = new Set(plan.people.map((p: PlanNode) => p.id));
  const scale = new Map<number, number>();
  const prorated: HistoryBase['prorated'] = [];
  for (const h of hires) {
    if (!inPlan.has(h.id)) continue;
    const months = src.reduce((s, [y, m]) => s + worked(h.hireDate, y, m), 0);
    if (months <= 0 || months >= 12) continue;
    scale.set(h.id, 12 / months);
    prorated.push({
      employeeNo: h.employeeNo,
      name: h.name,
      hireDate: h.hireDate,
      months: Math.round(months * 10) / 10,
    });
  }
  const total = Math.round(pick(company).reduce((a, b) => a + b, 0) / 100);
  return {
    info: {
      baseYear,
      kind,
      missing,
      lastOrder,
      today,
      sources: src.map(([y, m]) => ym(y, m)),
      last12,
      total,
      prorated,
    },
    company,
    byPerson,
    scale,
  };
}
