import { describe, expect, it } from 'vitest';
import {
  changeRatio,
  formatBytes,
  formatChange,
  formatDate,
  formatElapsed,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../../src-renderer/i18n/format';
import { pickLang } from '../../src-renderer/i18n/lang';

// Intl may put a narrow no-break space between parts; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('shows yuan with ¥ and two decimals in both languages', () => {
    expect(formatMoney(1234567.5, 'zh-CN')).toBe('¥1,234,567.50');
    expect(formatMoney(1234567.5, 'en')).toBe('¥1,234,567.50');
    expect(formatMoney(0, 'en')).toBe('¥0.00');
  });

  it('rounds to the fen and keeps the sign', () => {
    expect(formatMoney(0.005, 'en')).toBe('¥0.01');
    expect(formatMoney(-12.345, 'zh-CN')).toBe('-¥12.35');
  });

  it('is empty for missing values', () => {
    expect(formatMoney(null, 'en')).toBe('');
    expect(formatMoney(undefined, 'zh-CN')).toBe('');
    expect(formatMoney(Number.NaN, 'en')).toBe('');
  });
});

describe('numbers and ratios', () => {
  it('groups thousands', () => {
    expect(formatNumber(1000000, 'en')).toBe('1,000,000');
    expect(formatNumber(1000000, 'zh-CN')).toBe('1,000,000');
    expect(formatNumber(2.345, 'en', 1)).toBe('2.3');
  });

  it('change against last year, with no base giving null', () => {
    expect(changeRatio(120, 100)).toBeCloseTo(0.2);
    expect(changeRatio(80, 100)).toBeCloseTo(-0.2);
    expect(changeRatio(50, 0)).toBeNull();
    expect(formatChange(0.2, 'en')).toBe('+20.0%');
    expect(formatChange(-0.125, 'zh-CN')).toBe('-12.5%');
    expect(formatChange(null, 'en')).toBe('');
    expect(formatPercent(0.3456, 'en')).toBe('34.6%');
  });

  it('sizes and elapsed time', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});

describe('dates', () => {
  it('shows an ISO calendar day in the user language, whatever the time zone', () => {
    expect(plain(formatDate('2025-03-05', 'en'))).toBe('Mar 5, 2025');
    expect(formatDate('2025-03-05', 'zh-CN')).toBe('2025年3月5日');
    expect(formatDate('2025-12-31', 'en')).toContain('31');
  });

  it('is empty for missing dates and leaves unknown text alone', () => {
    expect(formatDate(null, 'en')).toBe('');
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

describe('language', () => {
  it('follows a zh system locale unless Settings chose one', () => {
    expect(pickLang(null, 'zh-CN')).toBe('zh-CN');
    expect(pickLang(null, 'zh-TW')).toBe('zh-CN');
    expect(pickLang(null, 'en-US')).toBe('en');
    expect(pickLang(null, 'de-DE')).toBe('en');
    expect(pickLang(null, undefined)).toBe('en');
    expect(pickLang('en', 'zh-CN')).toBe('en');
    expect(pickLang('zh-CN', 'en-GB')).toBe('zh-CN');
  });
});
