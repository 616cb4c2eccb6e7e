import { describe, expect, it } from 'vitest';
import { readBirthday } from '../../src-main/services/import/kinds/birthday';

const code = (x: ReturnType<typeof readBirthday>) => (x && 'code' in x ? x.code.split('.').pop() : x);

describe('a contact’s birthday as sheets write it (P4.1, issue 13 item 13)', () => {
  it.each([
    ['1985-03-12', null, { calendar: 'solar', year: 1985, month: 3, day: 12 }],
    ['1985年3月12日', null, { calendar: 'solar', year: 1985, month: 3, day: 12 }],
    ['03-12', null, { calendar: 'solar', year: null, month: 3, day: 12 }],
    ['3月12日', null, { calendar: 'solar', year: null, month: 3, day: 12 }],
    // A date in a sheet whose calendar column says 农历 is a lunar date.
    ['1990-08-15', 'lunar', { calendar: 'lunar', year: 1990, month: 8, day: 15 }],
    ['农历八月十五', null, { calendar: 'lunar', year: null, month: 8, day: 15 }],
    ['正月初一', null, { calendar: 'lunar', year: null, month: 1, day: 1 }],
    ['腊月廿三', null, { calendar: 'lunar', year: null, month: 12, day: 23 }],
    ['冬月三十', null, { calendar: 'lunar', year: null, month: 11, day: 30 }],
    ['农历 十一月二十', null, { calendar: 'lunar', year: null, month: 11, day: 20 }],
    ['lunar 8-15', null, { calendar: 'lunar', year: null, month: 8, day: 15 }],
    ['阳历 2000-02-29', null, { calendar: 'solar', year: 2000, month: 2, day: 29 }],
    // Without a year, a lunar 30th is kept: the care calendar shows it on the 29th in a short month and says so.
    ['农历十二月三十', null, { calendar: 'lunar', year: null, month: 12, day: 30 }],
  ] as const)('%s (%s)', (text, calendar, expected) => {
    expect(readBirthday(text, calendar)).toEqual(expected);
  });

  it.each([
    ['2023-02-29', null, 'no-such-birthday'],
    ['04-31', null, 'no-such-birthday'],
    // 2025's 除夕 was 腊月廿九 (2025-01-28): lunar 2024's twelfth month had 29 days.
    ['农历 2024-12-30', null, 'no-such-lunar-birthday'],
    ['农历八月十五', 'solar', 'birthday-calendar-conflict'],
    ['腊月廿三', 'solar', 'birthday-calendar-conflict'],
    ['闰四月初八', null, 'lunar-leap-birthday'],
    ['明年春天', null, 'not-a-birthday'],
    ['13-01', null, 'not-a-birthday'],
    ['八月卅一', null, 'not-a-birthday'],
  ] as const)('%s (%s) → %s', (text, calendar, expected) => {
    expect(code(readBirthday(text, calendar))).toBe(expected);
  });

  it('a blank cell is no birthday', () => {
    expect(readBirthday(null, null)).toBeNull();
    expect(readBirthday('', 'lunar')).toBeNull();
  });
});
