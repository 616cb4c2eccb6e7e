/**
 * China's calendar, the one place the workbench asks about working days, public holidays with their adjusted
 * working days (调休), lunar dates, traditional festivals and solar terms. Everything comes from the
 * `chinese-days` package, whose data follows the State Council's yearly notice; nothing here is hand-typed.
 * Users of it: the care calendar (P4.3), service-level clocks (P4.6), working-day targets and pace (P2.6).
 */
// chinese-days is CommonJS: plain Node's ESM loader (tsx: the bench, the dev job worker) sees only its default export.
import chineseDays from 'chinese-days';
import dayjs from 'dayjs';

const { getDayDetail, getHolidaysInRange } = chineseDays;

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface DayInfo {
  date: string;
  /** A day people work: a weekday that is not a holiday, or a weekend day made a working day (调休). */
  work: boolean;
  kind: DayKind;
  /** The public holiday a holiday or adjusted working day belongs to. */
  holiday?: { zh: string; en: string };
  /** False when the State Council's schedule for this year is not in the data: only weekends are known. */
  official: boolean;
}

const scheduleKnown = new Map<number, boolean>();

/** Whether the official holiday schedule of `year` is in the calendar data (it is published each November or December). */
export function hasOfficialSchedule(year: number): boolean {
  let known = scheduleKnown.get(year);
  if (known === undefined) {
    known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    scheduleKnown.set(year, known);
  }
  return known;
}

/** The latest year whose official schedule the data holds. */
export function latestScheduledYear(): number {
  let year = dayjs().year() + 2;
  while (year > 2004 && !hasOfficialSchedule(year)) year--;
  return year;
}

export function dayInfo(date: string): DayInfo {
  const detail = getDayDetail(date);
  const weekend = [0, 6].includes(dayjs(date).day());
  const official = hasOfficialSchedule(Number(date.slice(0, 4)));
  // Holiday names come as "English,中文,days"; plain days are named by their weekday.
  const parts = detail.name.split(',');
  const holiday = parts.length >= 2 ? { en: parts[0], zh: parts[1] } : undefined;
  let kind: DayKind;
  if (detail.work) kind = weekend ? 'adjusted-workday' : 'workday';
  else kind = holiday ? 'holiday' : 'weekend';
  return { date, work: detail.work, kind, ...(holiday ? { holiday } : {}), official };
}

export function isWorkingDay(date: string): boolean {
  return getDayDetail(date).work;
}

/** Working days from `start` to `end`, both included (0 when end is before start). */
export function workingDaysBetween(start: string, end: string): number {
  let count = 0;
  for (let d = dayjs(start); !d.isAfter(end, 'day'); d = d.add(1, 'day'))
    if (isWorkingDay(d.format('YYYY-MM-DD'))) count++;
  return count;
}

/** Working days in each month of a year, January first. */
export function workingDaysByMonth(year: number): number[] {
  return Array.from({ length: 12 }, (_, m) => {
    const first = dayjs(new Date(year, m, 1));
    return workingDaysBetween(first.format('YYYY-MM-DD'), first.endOf('month').format('YYYY-MM-DD'));
  });
}

/** Public holidays (days off) of a year, with names; empty when the year's schedule is not published. */
export function publicHolidays(year: number): { date: string; zh: string; en: string }[] {
  return getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).map((date) => {
    const info = dayInfo(date);
    return { date, zh: info.holiday?.zh ?? '', en: info.holiday?.en ?? '' };
  });
}

/** Weekend days that are working days in a year (调休). */
export function adjustedWorkdays(year: number): { date: string; zh: string; en: string }[] {
  const out: { date: string; zh: string; en: string }[] = [];
  for (let d = dayjs(`${year}-01-01`); d.year() === year; d = d.add(1, 'day')) {
    const info = dayInfo(d.format('YYYY-MM-DD'));
    if (info.kind === 'adjusted-workday')
      out.push({ date: info.date, zh: info.holiday?.zh ?? '', en: info.holiday?.en ?? '' });
  }
  return out;
}
