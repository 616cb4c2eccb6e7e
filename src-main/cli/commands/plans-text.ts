import type { MonthPace } from '../../contract/targets';
import { t, type Lang } from '../../i18n/messages';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

/** "At 60 % of the month's working days, 48 % of its target" (P2.6), and a note when the year's schedule is not published. */
export function paceLines(pace: MonthPace | null, lang: Lang): string[] {
  if (!pace) return [];
  const out = [
    t(lang, 'plans.pace.line', {
      asOf: pace.asOf,
      elapsed: pace.elapsedWorkingDays,
      days: pace.workingDays,
      time: pct(pace.timeShare),
      target: pct(pace.targetShare),
    }),
  ];
  if (!pace.officialCalendar) out.push(t(lang, 'plans.calendar.unofficial', { year: pace.asOf.slice(0, 4) }));
  return out;
}

/** The working days a working-day breakdown weighed each month by, and whether they are official. */
export function workingDaysLines(
  year: number,
  wd: { months: number[]; officialCalendar: boolean } | undefined,
  lang: Lang,
): string[] {
  if (!wd) return [];
  const out = [
    t(lang, 'plans.calendar.months', { year, days: wd.months.join(' '), total: wd.months.reduce((a, b) => a + b, 0) }),
  ];
  if (!wd.officialCalendar) out.push(t(lang, 'plans.calendar.unofficial', { year }));
  return out;
}
