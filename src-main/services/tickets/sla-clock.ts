import dayjs from 'dayjs';
import { hasOfficialSchedule, isWorkingDay } from '../calendar';

/**
 * P4.6: a ticket's clock counts working minutes only — the working hours of China's working days, with the
 * adjusted working days (调休) from the one calendar (services/calendar) — and stops while the ticket waits
 * on the customer. Times are local `YYYY-MM-DDTHH:MM`.
 *
 * W(t), the working minutes from a fixed origin up to t, makes any span a subtraction: W(b) − W(a).
 */
export interface WorkDay {
  /** minutes after midnight */
  start: number;
  end: number;
}

const ORIGIN_YEAR = 2024;
const prefix = new Map<number, Int32Array>();
const yearBase = new Map<number, number>();

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function workDay(start: string, end: string): WorkDay {
  return { start: minutesOf(start), end: Math.max(minutesOf(start), minutesOf(end)) };
}

/** Working days of `year` before each day of it (index = day of year, 0-based; last entry = the year's total). */
function yearPrefix(year: number): Int32Array {
  let p = prefix.get(year);
  if (!p) {
    const first = dayjs(`${year}-01-01`);
    const n = first.endOf('year').diff(first, 'day') + 1;
    p = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) p[i + 1] = p[i] + (isWorkingDay(first.add(i, 'day').format('YYYY-MM-DD')) ? 1 : 0);
    prefix.set(year, p);
  }
  return p;
}

/** Working days from the origin to the start of `year`. */
function daysBeforeYear(year: number): number {
  let base = yearBase.get(year);
  if (base === undefined) {
    // only the years asked about are read from the calendar; years before the origin count backwards
    const total = (y: number) => yearPrefix(y)[yearPrefix(y).length - 1];
    base =
      year === ORIGIN_YEAR
        ? 0
        : year > ORIGIN_YEAR
          ? daysBeforeYear(year - 1) + total(year - 1)
          : daysBeforeYear(year + 1) - total(year);
    yearBase.set(year, base);
  }
  return base;
}

function dayOfYear(date: string): number {
  const d = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((d - Date.UTC(Number(date.slice(0, 4)), 0, 1)) / 86400000);
}

/** Working minutes from the origin to the local time `t`. */
export function workingMinutesAt(t: string, wd: WorkDay): number {
  const date = t.slice(0, 10);
  const year = Number(date.slice(0, 4));
  const doy = dayOfYear(date);
  const p = yearPrefix(year);
  const before = daysBeforeYear(year) + p[doy];
  const length = wd.end - wd.start;
  const working = p[doy + 1] > p[doy];
  const minute = t.length >= 16 ? Number(t.slice(11, 13)) * 60 + Number(t.slice(14, 16)) : 0;
  const today = working ? Math.min(length, Math.max(0, minute - wd.start)) : 0;
  return before * length + today;
}

export interface Pause {
  start: string;
  end: string | null;
}

/** Working hours from `from` to `to`, less the pauses (each clipped to the span); an open pause runs to `to`. */
export function workingHours(from: string, to: string, pauses: readonly Pause[], wd: WorkDay): number {
  if (to <= from) return 0;
  const a = workingMinutesAt(from, wd);
  const b = workingMinutesAt(to, wd);
  let paused = 0;
  for (const p of pauses) {
    const s = p.start < from ? from : p.start;
    const e = p.end === null || p.end > to ? to : p.end;
    if (e > s) paused += workingMinutesAt(e, wd) - workingMinutesAt(s, wd);
  }
  return Math.max(0, b - a - paused) / 60;
}

/** The years between two dates whose official schedule is missing from the calendar data (weekends only). */
export function yearsWithoutSchedule(from: string, to: string): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!hasOfficialSchedule(y)) out.push(y);
  return out;
}

/** The local time now, `YYYY-MM-DDTHH:MM`. */
export function localNow(): string {
  return dayjs().format('YYYY-MM-DDTHH:mm');
}
