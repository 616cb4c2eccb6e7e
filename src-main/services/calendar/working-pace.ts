import dayjs from 'dayjs';
import { hasOfficialSchedule, workingDaysBetween } from './china-calendar';

/**
 * Month-to-date pace on China's working days (P2.6): how many of a month's working days (with 调休) have
 * passed by a day, so that "48 % of the target" can be read against "60 % of the month's working days".
 */
export interface WorkingPace {
  asOf: string;
  workingDays: number;
  elapsedWorkingDays: number;
  timeShare: number;
  officialCalendar: boolean;
}

/** The pace of the month of `year`-`month` counted to `asOf` (clamped into that month). */
export function monthWorkingPace(year: number, month: number, asOf: string): WorkingPace {
  const first = dayjs(new Date(year, month - 1, 1));
  const last = first.endOf('month');
  const start = first.format('YYYY-MM-DD');
  const end = last.format('YYYY-MM-DD');
  const to = asOf > end ? end : asOf;
  const workingDays = workingDaysBetween(start, end);
  const elapsedWorkingDays = to < start ? 0 : workingDaysBetween(start, to);
  return {
    asOf: to < start ? start : to,
    workingDays,
    elapsedWorkingDays,
    timeShare: workingDays > 0 ? elapsedWorkingDays / workingDays : 0,
    officialCalendar: hasOfficialSchedule(year),
  };
}
