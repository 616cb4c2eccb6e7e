import { WorkbenchError } from '../../contract/errors';
import { hasOfficialSchedule, workingDaysBetween } from '../calendar';

/**
 * The report's period (P2.6): a month 'YYYY-MM' or an ISO week 'YYYY-Www', with the period before it
 * (month-on-month, week-on-week) and the same period a year earlier (year-on-year). A week's target is
 * taken from the monthly targets, each month's share by the working days of the week that fall in it.
 */
export interface ReportPeriod {
  kind: 'monthly' | 'weekly';
  period: string;
  from: string;
  to: string;
  previous: { from: string; to: string };
  lastYear: { from: string; to: string };
  /** The months the period touches and the share of each month's target that belongs to it. */
  targetShares: { year: number; month: number; share: number }[];
  workingDays: number;
  officialCalendar: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const monthEnd = (y: number, m: number) => iso(utc(y, m + 1, 0));

/** Monday of ISO week 1 of `year`: the week holding 4 January. */
function isoWeekOne(year: number): Date {
  const jan4 = utc(year, 1, 4);
  return addDays(jan4, -((jan4.getUTCDay() + 6) % 7));
}

function weeksIn(year: number): number {
  return Math.round((isoWeekOne(year + 1).getTime() - isoWeekOne(year).getTime()) / (7 * 86_400_000));
}

/** The ISO week ('YYYY-Www') a date falls in. */
export function isoWeekOf(date: string): string {
  const d = utc(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  const thursday = addDays(d, 3 - ((d.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - isoWeekOne(year).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${pad(week)}`;
}

function monthShares(from: string, to: string): ReportPeriod['targetShares'] {
  const out: ReportPeriod['targetShares'] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (`${y}-${pad(m)}-01` <= to) {
    const start = `${y}-${pad(m)}-01`;
    const end = monthEnd(y, m);
    const inMonth = workingDaysBetween(start, end);
    const part = workingDaysBetween(from > start ? from : start, to < end ? to : end);
    out.push({ year: y, month: m, share: inMonth > 0 ? part / inMonth : 0 });
    if (++m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Reads 'YYYY-MM' or 'YYYY-Www'; a week the year does not have is refused. */
export function reportPeriod(period: string): ReportPeriod {
  const year = Number(period.slice(0, 4));
  let from: string, to: string, previous: ReportPeriod['previous'], lastYear: ReportPeriod['lastYear'];
  let kind: ReportPeriod['kind'];
  if (period[5] === 'W') {
    const week = Number(period.slice(6));
    if (week > weeksIn(year)) throw new WorkbenchError('sales-report/no-such-week', { period, weeks: weeksIn(year) });
    kind = 'weekly';
    const monday = addDays(isoWeekOne(year), (week - 1) * 7);
    from = iso(monday);
    to = iso(addDays(monday, 6));
    previous = { from: iso(addDays(monday, -7)), to: iso(addDays(monday, -1)) };
    // the same ISO week a year earlier (week 53 becomes week 52 when last year has none)
    const lyMonday = addDays(isoWeekOne(year - 1), (Math.min(week, weeksIn(year - 1)) - 1) * 7);
    lastYear = { from: iso(lyMonday), to: iso(addDays(lyMonday, 6)) };
  } else {
    const month = Number(period.slice(5, 7));
    kind = 'monthly';
    from = `${year}-${pad(month)}-01`;
    to = monthEnd(year, month);
    const [py, pm] = month === 1 ? [year - 1, 12] : [year, month - 1];
    previous = { from: `${py}-${pad(pm)}-01`, to: monthEnd(py, pm) };
    lastYear = { from: `${year - 1}-${pad(month)}-01`, to: monthEnd(year - 1, month) };
  }
  const shares = monthShares(from, to);
  return {
    kind,
    period,
    from,
    to,
    previous,
    lastYear,
    targetShares: kind === 'monthly' ? [{ year, month: Number(period.slice(5, 7)), share: 1 }] : shares,
    workingDays: workingDaysBetween(from, to),
    officialCalendar: shares.every((s) => hasOfficialSchedule(s.year)),
  };
}
