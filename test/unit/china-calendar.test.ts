// P4.3 care calendar, P4.6 service clocks, P2.6 working-day targets: one calendar, checked against published dates.
import { describe, expect, it } from 'vitest';
import {
  dayInfo,
  hasOfficialSchedule,
  lunarBirthdayInYear,
  lunarToSolar,
  solarTerms,
  traditionalFestivals,
  workingDaysBetween,
  workingDaysByMonth,
} from '../../src-main/services/calendar';

describe('China calendar', () => {
  it('finds the traditional festivals on their published dates', () => {
    const on = (year: number, key: string) => traditionalFestivals(year).find((f) => f.key === key)?.date;
    expect(on(2025, 'chunjie')).toBe('2025-01-29');
    expect(on(2026, 'chunjie')).toBe('2026-02-17');
    expect(on(2027, 'chunjie')).toBe('2027-02-06');
    expect(on(2026, 'chuxi')).toBe('2026-02-16');
    expect(on(2027, 'chuxi')).toBe('2027-02-05');
    expect(on(2025, 'zhongqiu')).toBe('2025-10-06');
    expect(on(2026, 'zhongqiu')).toBe('2026-09-25');
    expect(on(2027, 'zhongqiu')).toBe('2027-09-15');
    expect(on(2026, 'duanwu')).toBe('2026-06-19');
    expect(on(2027, 'duanwu')).toBe('2027-06-09');
    expect(on(2026, 'yuanxiao')).toBe('2026-03-03');
    expect(on(2026, 'qixi')).toBe('2026-08-19');
    expect(on(2026, 'chongyang')).toBe('2026-10-18');
    expect(on(2027, 'laba')).toBe('2027-01-15');
  });

  it('converts lunar days 29 and 30 of the second month without rolling over (P4.3)', () => {
    expect(lunarToSolar(2027, 2, 1)).toBe('2027-03-08');
    expect(lunarToSolar(2027, 2, 30)).toBe('2027-04-06');
    expect(lunarToSolar(2027, 3, 1)).toBe('2027-04-07');
    // The 12th month of lunar 2026 has 29 days: its 30th does not exist.
    expect(lunarToSolar(2026, 12, 30)).toBeNull();
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
  });

  it('keeps a lunar birthday on the 30th on the month’s last day and says so', () => {
    expect(lunarBirthdayInYear(12, 30, 2027)).toEqual({ date: '2027-02-05', shifted: true });
    expect(lunarBirthdayInYear(8, 15, 2027)).toEqual({ date: '2027-09-15', shifted: false });
  });

  it('counts working days with the State Council’s 2026 schedule (调休)', () => {
    expect(hasOfficialSchedule(2026)).toBe(true);
    expect(dayInfo('2026-02-14')).toMatchObject({ work: true, kind: 'adjusted-workday' });
    expect(dayInfo('2026-02-18')).toMatchObject({ work: false, kind: 'holiday', holiday: { zh: '春节' } });
    expect(dayInfo('2026-12-05')).toMatchObject({ work: false, kind: 'weekend' });
    // October 2026: 22 weekdays, less 1, 2, 5, 6 and 7 October, plus Saturday 10 October worked.
    expect(workingDaysBetween('2026-10-01', '2026-10-31')).toBe(18);
    expect(workingDaysByMonth(2026)[9]).toBe(18);
  });

  it('says when a year’s schedule is not in the data', () => {
    const year = 2040;
    expect(hasOfficialSchedule(year)).toBe(false);
    expect(dayInfo(`${year}-10-01`).official).toBe(false);
  });

  it('lists the 24 solar terms', () => {
    const terms = solarTerms(2027);
    expect(terms).toHaveLength(24);
    expect(terms.find((t) => t.zh === '立春')?.date).toBe('2027-02-04');
  });
});
