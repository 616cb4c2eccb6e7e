// P2.6 item 9: China's working days (with 调休) for targets and pace, checked against the State Council's
// published schedules (国办发明电〔2024〕12号 for 2025, 〔2025〕7号 for 2026), typed here from the notices.
import { describe, expect, it } from 'vitest';
import { hasOfficialSchedule, monthWorkingPace, workingDaysByMonth } from '../../src-main/services/calendar';

const SCHEDULE: Record<number, { off: string[]; work: string[] }> = {
  2025: {
    // 元旦 1/1; 春节 1/28–2/4; 清明 4/4–4/6; 劳动节 5/1–5/5; 端午 5/31–6/2; 国庆·中秋 10/1–10/8
    off: [
      '01-01',
      ...range('01-28', '01-31'),
      ...range('02-01', '02-04'),
      ...range('04-04', '04-06'),
      ...range('05-01', '05-05'),
      '05-31',
      '06-01',
      '06-02',
      ...range('10-01', '10-08'),
    ],
    work: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    // 元旦 1/1–1/3; 春节 2/15–2/23; 清明 4/4–4/6; 劳动节 5/1–5/5; 端午 6/19–6/21; 中秋 9/25–9/27; 国庆 10/1–10/7
    off: [
      ...range('01-01', '01-03'),
      ...range('02-15', '02-23'),
      ...range('04-04', '04-06'),
      ...range('05-01', '05-05'),
      ...range('06-19', '06-21'),
      ...range('09-25', '09-27'),
      ...range('10-01', '10-07'),
    ],
    work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Number(from.slice(3)); d <= Number(to.slice(3)); d++)
    out.push(`${from.slice(0, 3)}${String(d).padStart(2, '0')}`);
  return out;
}

/** Weekdays of each month, less the holidays that fall on weekdays, plus the weekend days made working days. */
function expected(year: number): number[] {
  const { off, work } = SCHEDULE[year];
  return Array.from({ length: 12 }, (_, m) => {
    let n = 0;
    for (let d = 1; d <= new Date(Date.UTC(year, m + 1, 0)).getUTCDate(); d++) {
      const md = `${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const weekend = [0, 6].includes(new Date(Date.UTC(year, m, d)).getUTCDay());
      if (work.includes(md) || (!weekend && !off.includes(md))) n++;
    }
    return n;
  });
}

describe('working days (P2.6 item 9)', () => {
  it('P2.6 2025 and 2026 by month match the published holiday and adjusted-working-day schedule', () => {
    for (const year of [2025, 2026]) {
      expect(hasOfficialSchedule(year), String(year)).toBe(true);
      expect(workingDaysByMonth(year), String(year)).toEqual(expected(year));
    }
    // 261 weekdays, 18 of them holidays, 5 weekend days worked
    expect(workingDaysByMonth(2025).reduce((a, b) => a + b, 0)).toBe(248);
  });

  it('P2.6 a year whose schedule is not published yet says so, and counts weekends only', () => {
    let year = 2027;
    while (hasOfficialSchedule(year)) year++;
    const pace = monthWorkingPace(year, 5, `${year}-05-31`);
    expect(pace.officialCalendar).toBe(false);
    const weekdays = Array.from({ length: 31 }, (_, i) => new Date(Date.UTC(year, 4, i + 1)).getUTCDay()).filter(
      (d) => d !== 0 && d !== 6,
    ).length;
    expect(pace.workingDays).toBe(weekdays);
  });

  it('P2.6 month-to-date pace counts the working days gone, 调休 included', () => {
    // February 2026: 20 weekdays, Spring Festival off 16–20 and 23 Feb (Mon–Fri, Mon), Sat 14 and Sat 28 worked: 16
    const mid = monthWorkingPace(2026, 2, '2026-02-14');
    expect(mid.workingDays).toBe(16);
    // 2–6, 9–13 and Saturday 14 February
    expect(mid.elapsedWorkingDays).toBe(11);
    expect(mid.timeShare).toBeCloseTo(11 / 16, 10);
    expect(monthWorkingPace(2026, 2, '2026-03-20').elapsedWorkingDays).toBe(16);
    expect(monthWorkingPace(2026, 2, '2026-01-20').elapsedWorkingDays).toBe(0);
  });
});
