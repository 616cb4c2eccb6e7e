import dayjs from 'dayjs';

/** Monthly seasonality, January first: Chinese New Year dip, the mid-year (618) promotion, the Q4 peak. */
export const SEASON = [0.78, 0.62, 0.98, 0.96, 1.0, 1.22, 0.95, 0.92, 1.06, 1.02, 1.22, 1.42] as const;

/** Chinese New Year's day, to thin out orders in the holiday week. */
const NEW_YEAR: Record<number, string> = {
  2018: '02-16',
  2019: '02-05',
  2020: '01-25',
  2021: '02-12',
  2022: '02-01',
  2023: '01-22',
  2024: '02-10',
  2025: '01-29',
  2026: '02-17',
  2027: '02-06',
  2028: '01-26',
  2029: '02-13',
  2030: '02-03',
  2031: '01-23',
  2032: '02-11',
  2033: '01-31',
  2034: '02-19',
  2035: '02-08',
  2036: '01-28',
  2037: '02-15',
  2038: '02-04',
};

interface DemoMonth {
  year: number;
  /** 1–12 */
  month: number;
  firstDay: number;
  lastDay: number;
}

/**
 * The demo's time frame: 24 whole months of orders ending with the last day of the month before
 * `today`, plus the days of the current month up to yesterday (for tickets and visits).
 */
export interface DemoCalendar {
  today: string;
  targetYear: number;
  /** The last completed quarter before today, whose appraisal the demo leaves in progress. */
  reviewQuarter: string;
  appraisalYear: number;
  /** 1–4 */
  appraisalQ: number;
  /** ISO dates from the first day of the window up to yesterday. */
  days: string[];
  /** The same dates as YYYYMMDD, for order numbers. */
  compact: string[];
  /** Index of each day's month in `months` (24 for days after the window). */
  dayMonth: Int8Array;
  /** Relative order volume of each day within its month (weekends and holidays are quiet). */
  dayWeight: Float64Array;
  /** The 24 months of the window, oldest first. */
  months: DemoMonth[];
  /** Days in the window (the orders' days): indexes 0..windowDays-1. */
  windowDays: number;
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

export function demoCalendar(today: string): DemoCalendar {
  const t = dayjs(today);
  const start = t.startOf('month').subtract(24, 'month');
  const end = t.startOf('month').subtract(1, 'day');
  const yesterday = t.subtract(1, 'day');
  const total = yesterday.diff(start, 'day') + 1;
  const days: string[] = [];
  const compact: string[] = [];
  const dayMonth = new Int8Array(total);
  const dayWeight = new Float64Array(total);
  const months: DemoMonth[] = [];
  const quiet = new Set<string>();
  for (let y = start.year(); y <= t.year(); y++) {
    const ny = NEW_YEAR[y];
    if (ny) for (let d = -1; d <= 6; d++) quiet.add(dayjs(`${y}-${ny}`).add(d, 'day').format('YYYY-MM-DD'));
  }
  let d = start;
  for (let i = 0; i < total; i++, d = d.add(1, 'day')) {
    const iso = d.format('YYYY-MM-DD');
    days.push(iso);
    compact.push(iso.replace(/-/g, ''));
    const md = iso.slice(5);
    if (d.date() === 1 && !d.isAfter(end))
      months.push({ year: d.year(), month: d.month() + 1, firstDay: i, lastDay: i });
    if (!d.isAfter(end)) months[months.length - 1].lastDay = i;
    dayMonth[i] = d.isAfter(end) ? 24 : months.length - 1;
    const wd = d.day();
    let w = wd === 0 ? 0.12 : wd === 6 ? 0.3 : 1;
    if (quiet.has(iso) || md === '01-01' || (md >= '10-01' && md <= '10-07')) w *= 0.12;
    else if (md >= '05-01' && md <= '05-05') w *= 0.35;
    dayWeight[i] = w;
  }
  const q = quarterOf(t.month() + 1);
  const appraisalYear = q === 1 ? t.year() - 1 : t.year();
  const appraisalQ = q === 1 ? 4 : q - 1;
  return {
    today: t.format('YYYY-MM-DD'),
    targetYear: t.year(),
    reviewQuarter: `${appraisalYear}Q${appraisalQ}`,
    appraisalYear,
    appraisalQ,
    days,
    compact,
    dayMonth,
    dayWeight,
    months,
    windowDays: end.diff(start, 'day') + 1,
  };
}

/** Index of a calendar month in the window, or -1 when it lies outside. */
export function monthIndex(cal: DemoCalendar, year: number, month: number): number {
  const first = cal.months[0];
  const k = (year - first.year) * 12 + (month - first.month);
  return k >= 0 && k < cal.months.length ? k : -1;
}

/** A deterministic creation timestamp for a record "made" on that day (the demo never uses the clock). */
export function stamp(isoDate: string, hour = 9): string {
  return `${isoDate}T${String(hour).padStart(2, '0')}:00:00Z`;
}
