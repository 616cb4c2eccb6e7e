import { lunarMonthLength } from '../../calendar';
import type { RowProblem } from './types';

/**
 * A contact's birthday as a sheet writes it (P4.1, P4.3), read into the contacts table's calendar, year,
 * month and day: "1985-03-12", "1985年3月12日", "3月12日", "03-12", "农历八月十五", "农历 1990-12-30",
 * "腊月廿三", "lunar 8-15". A separate calendar column (农历/公历) may say which calendar a date is in; the
 * two must agree. A day that does not exist is refused, never moved: a solar 30 February, a lunar 30th in
 * a month of 29 days in the birth year (issue 13 item 13), a lunar leap month (the table has no place for
 * it, so storing the ordinary month would store another day than the one given).
 */
export interface Birthday {
  calendar: 'solar' | 'lunar';
  year: number | null;
  month: number;
  day: number;
}

const LUNAR_WORD = /^(农历|阴历|旧历|lunar)\s*[:：]?\s*/i;
const SOLAR_WORD = /^(公历|阳历|新历|solar|gregorian)\s*[:：]?\s*/i;
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const MONTH_WORDS: Record<string, number> = { 正: 1, 冬: 11, 腊: 12, 十一: 11, 十二: 12 };

/** 一…十二, 正, 冬, 腊 → 1…12. */
function chineseMonth(s: string): number | null {
  if (MONTH_WORDS[s]) return MONTH_WORDS[s];
  return s.length === 1 && DIGITS[s] ? DIGITS[s] : null;
}

/** 初一…初十, 十一…十九, 二十, 廿一…廿九, 三十, 卅 → 1…30. */
function chineseDay(s: string): number | null {
  let m = /^初([一二三四五六七八九十])$/.exec(s);
  if (m) return DIGITS[m[1]];
  if (s === '二十') return 20;
  if (s === '三十' || s === '卅') return 30;
  m = /^(十|廿|二十)([一二三四五六七八九])$/.exec(s);
  if (m) return (m[1] === '十' ? 10 : 20) + DIGITS[m[2]];
  return null;
}

const SOLAR_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const problem = (code: string, params: Record<string, unknown> = {}): RowProblem => ({
  field: 'birthday',
  code: `customers.import.problem.${code}`,
  params,
});

/**
 * Reads one birthday cell; `calendar` is what the calendar column says (null: not said). Answers the birthday,
 * null for a blank cell, or the row's problem.
 */
export function readBirthday(text: string | null, calendar: 'solar' | 'lunar' | null): Birthday | null | RowProblem {
  if (!text) return null;
  let s = text.normalize('NFKC').trim();
  let said: 'solar' | 'lunar' | null = null;
  if (LUNAR_WORD.test(s)) {
    said = 'lunar';
    s = s.replace(LUNAR_WORD, '');
  } else if (SOLAR_WORD.test(s)) {
    said = 'solar';
    s = s.replace(SOLAR_WORD, '');
  }
  if (said && calendar && said !== calendar)
    return problem('birthday-calendar-conflict', {
      text,
      calendar: said === 'lunar' ? '农历 / lunar' : '公历 / solar',
    });
  if (/闰|leap/i.test(s)) return problem('lunar-leap-birthday', { text });
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let lunarWords = false;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (m) [year, month, day] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})\s*[-.月]\s*(\d{1,2})\s*日?$/.exec(s))) [month, day] = [+m[1], +m[2]];
  else if ((m = /^(?:(\d{4})\s*年\s*)?(正|冬|腊|十一|十二|[一二三四五六七八九十])月\s*(\S{1,2})$/.exec(s))) {
    year = m[1] ? +m[1] : null;
    month = chineseMonth(m[2]);
    day = chineseDay(m[3]);
    lunarWords = true;
    if (day === null) return problem('not-a-birthday', { text });
  } else return problem('not-a-birthday', { text });
  // 正月初一, 腊月廿三: month and day words are the lunar calendar's own.
  if (lunarWords && (said === 'solar' || calendar === 'solar'))
    return problem('birthday-calendar-conflict', { text, calendar: '公历 / solar' });
  const cal: 'solar' | 'lunar' = said ?? calendar ?? (lunarWords ? 'lunar' : 'solar');
  if (month === null || month < 1 || month > 12 || day === null || day < 1) return problem('not-a-birthday', { text });
  if (year !== null && (year < 1900 || year > 2100)) return problem('not-a-birthday', { text });
  if (cal === 'solar') {
    const max = month === 2 && year !== null && !isLeap(year) ? 28 : SOLAR_DAYS[month - 1];
    if (day > max) return problem('no-such-birthday', { text });
  } else {
    if (day > 30) return problem('no-such-birthday', { text });
    if (year !== null && day > lunarMonthLength(year, month))
      return problem('no-such-lunar-birthday', { text, year, month, days: lunarMonthLength(year, month) });
  }
  return { calendar: cal, year, month, day };
}
