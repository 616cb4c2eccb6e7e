/**
 * Lunar dates, traditional festivals and solar terms (P4.3 customer care), from `chinese-days`.
 * A lunar date is converted from the first day of its month plus the days after it: the package parses a lunar
 * date as if it were a Gregorian one, so "二月廿九" would roll over into March when given whole.
 */
// CommonJS: see china-calendar.ts
import chineseDays from 'chinese-days';
import dayjs from 'dayjs';

const { getLunarDate, getSolarDateFromLunar, getSolarTerms, getYearLeapMonth, monthDays } = chineseDays;

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

export function toLunar(date: string): LunarDate {
  const l = getLunarDate(date);
  return { year: l.lunarYear, month: l.lunarMon, day: l.lunarDay, leap: l.isLeap };
}

/** Days in a lunar month (29 or 30); the leap month's own length when `leap`. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  if (leap) {
    const info = getYearLeapMonth(year);
    return info.leapMonth === month ? info.days : 0;
  }
  return monthDays(year, month);
}

/**
 * The solar date of a lunar date, or null when that day does not exist (the 30th of a 29-day month, or a leap
 * month the year does not have).
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lunarMonthLength(year, month, leap)) return null;
  const first = getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-01`);
  const start = leap ? first.leapMonthDate : first.date;
  if (!start) return null;
  return dayjs(start)
    .add(day - 1, 'day')
    .format('YYYY-MM-DD');
}

/**
 * Where a lunar birthday falls in a solar year: the birthday of lunar year `year` (the one whose Spring
 * Festival is in that solar year, or late in it for the 12th month). A 30th in a 29-day month is kept on the
 * 29th and reported as `shifted`, the usual custom, so the caller can say so.
 */
export function lunarBirthdayInYear(
  month: number,
  day: number,
  solarYear: number,
): { date: string; shifted: boolean } | null {
  for (const lunarYear of [solarYear, solarYear - 1]) {
    const length = lunarMonthLength(lunarYear, month);
    if (!length) continue;
    const shifted = day > length;
    const date = lunarToSolar(lunarYear, month, shifted ? length : day);
    if (date && Number(date.slice(0, 4)) === solarYear) return { date, shifted };
  }
  return null;
}

export type FestivalKey =
  'laba' | 'xiaonian' | 'chuxi' | 'chunjie' | 'yuanxiao' | 'duanwu' | 'qixi' | 'zhongyuan' | 'zhongqiu' | 'chongyang';

export const FESTIVAL_NAMES: Record<FestivalKey, { zh: string; en: string }> = {
  laba: { zh: '腊八节', en: 'Laba Festival' },
  xiaonian: { zh: '小年', en: 'Little New Year' },
  chuxi: { zh: '除夕', en: "Chinese New Year's Eve" },
  chunjie: { zh: '春节', en: 'Spring Festival' },
  yuanxiao: { zh: '元宵节', en: 'Lantern Festival' },
  duanwu: { zh: '端午节', en: 'Dragon Boat Festival' },
  qixi: { zh: '七夕', en: 'Qixi Festival' },
  zhongyuan: { zh: '中元节', en: 'Ghost Festival' },
  zhongqiu: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  chongyang: { zh: '重阳节', en: 'Double Ninth Festival' },
};

/** The lunar month and day of each festival (小年 is the 23rd of the 12th month, as in the north). */
const FESTIVAL_DAYS: [FestivalKey, number, number][] = [
  ['chunjie', 1, 1],
  ['yuanxiao', 1, 15],
  ['duanwu', 5, 5],
  ['qixi', 7, 7],
  ['zhongyuan', 7, 15],
  ['zhongqiu', 8, 15],
  ['chongyang', 9, 9],
  ['laba', 12, 8],
  ['xiaonian', 12, 23],
];

/** The traditional festivals that fall in a solar year, in date order. */
export function traditionalFestivals(solarYear: number): { key: FestivalKey; date: string; zh: string; en: string }[] {
  const out: { key: FestivalKey; date: string; zh: string; en: string }[] = [];
  for (const lunarYear of [solarYear - 1, solarYear]) {
    for (const [key, month, day] of FESTIVAL_DAYS) {
      const date = lunarToSolar(lunarYear, month, day);
      if (date && Number(date.slice(0, 4)) === solarYear) out.push({ key, date, ...FESTIVAL_NAMES[key] });
    }
    // 除夕 is the last day of the 12th month, whether it has 29 days or 30.
    const eve = lunarToSolar(lunarYear, 12, lunarMonthLength(lunarYear, 12));
    if (eve && Number(eve.slice(0, 4)) === solarYear) out.push({ key: 'chuxi', date: eve, ...FESTIVAL_NAMES.chuxi });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

const TERM_EN: Record<string, string> = {
  小寒: 'Minor Cold',
  大寒: 'Major Cold',
  立春: 'Start of Spring',
  雨水: 'Rain Water',
  惊蛰: 'Awakening of Insects',
  春分: 'Spring Equinox',
  清明: 'Pure Brightness',
  谷雨: 'Grain Rain',
  立夏: 'Start of Summer',
  小满: 'Grain Buds',
  芒种: 'Grain in Ear',
  夏至: 'Summer Solstice',
  小暑: 'Minor Heat',
  大暑: 'Major Heat',
  立秋: 'Start of Autumn',
  处暑: 'End of Heat',
  白露: 'White Dew',
  秋分: 'Autumn Equinox',
  寒露: 'Cold Dew',
  霜降: "Frost's Descent",
  立冬: 'Start of Winter',
  小雪: 'Minor Snow',
  大雪: 'Major Snow',
  冬至: 'Winter Solstice',
};

/** The 24 solar terms of a year, with their Chinese and English names. */
export function solarTerms(year: number): { date: string; zh: string; en: string }[] {
  return getSolarTerms(`${year}-01-01`, `${year}-12-31`).map((t) => ({
    date: t.date,
    zh: t.name,
    en: TERM_EN[t.name] ?? t.name,
  }));
}
