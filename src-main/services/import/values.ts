import { isDate, serialToDate, surelyNoSpace, type CellValue } from '../../excel/cell';
import type { ImportField } from './kinds/types';

/**
 * Turns one cell into a field's value, reading numbers and dates the many ways spreadsheets hold them:
 * ¥/￥/$ signs, thousands separators, full-width digits, percent, 万/亿, (negative) in parentheses;
 * date cells, Excel serials, 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, 20250305, and d/m/y or m/d/y
 * as the column shows (day-first when a value in the column cannot be a month).
 */
export interface ColumnContext {
  /** From the header's unit: 万元 → 10000, 千元 → 1000. */
  scale: number;
  /** The header says % (values like 15 mean 15%). */
  percentHeader: boolean;
  /** For d/m/y-or-m/d/y text dates: what the column shows; null when no value tells. */
  dayFirst: boolean | null;
}

type Parsed = { ok: true; value: unknown } | { ok: false; code: string; params?: Record<string, unknown> };

const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

const EDGE_OR_WIDE = /^[\s\u00a0\u3000\u200b\ufeff]|[\s\u00a0\u3000\u200b\ufeff]$|[\u00a0\u3000]/;
const VISIBLE = /[^\s\u00a0\u3000\u200b\ufeff]/;

/** Whether a text needs cleaning (EDGE_OR_WIDE), decided without a regular expression for most texts. */
function needsClean(v: string): boolean {
  if (!surelyNoSpace(v.charCodeAt(0)) || !surelyNoSpace(v.charCodeAt(v.length - 1))) return EDGE_OR_WIDE.test(v);
  for (let i = 1; i < v.length - 1; i++) {
    const c = v.charCodeAt(i);
    if (c === 0xa0 || c === 0x3000) return true;
  }
  return false;
}

function cleanText(v: string): string {
  // Most cells need nothing: one test instead of two replaces (two new strings a cell on 100,000 rows).
  if (!needsClean(v)) return v;
  return v
    .replace(/^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g, '')
    .replace(/[\u00a0\u3000]/g, ' ');
}

/** A number from a cell: numbers as they are; text after removing currency, separators and units. */
export function readNumber(v: CellValue): { n: number; percent: boolean; unit: boolean } | null {
  if (typeof v === 'number') return Number.isFinite(v) ? { n: v, percent: false, unit: false } : null;
  if (typeof v !== 'string') return null;
  let s = v.normalize('NFKC').replace(SPACES, '');
  if (s === '') return null;
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1];
    sign = -1;
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    s = s.slice(1);
    sign *= -1;
  } else if (s.startsWith('+')) s = s.slice(1);
  // A unit written in the cell (元, 万) says what the number means, whatever the header's unit.
  let unit = /(元|RMB|CNY)$/i.test(s);
  s = s.replace(/^(RMB|CNY|USD|US\$|HK\$|¥|\$|€|£)/i, '').replace(/(元|RMB|CNY)$/i, '');
  if (s.startsWith('-')) {
    s = s.slice(1);
    sign *= -1;
  }
  let mult = 1;
  let percent = false;
  const suffix = s.slice(-1);
  if (suffix === '%' || suffix === '万' || suffix === '亿') s = s.slice(0, -1);
  if (suffix === '%') percent = true;
  if (suffix === '万' || suffix === '亿') {
    mult = suffix === '万' ? 1e4 : 1e8;
    unit = true;
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  // European forms (a ;-separated CSV): 1.234,56 and 250,50 (a comma before 1–2 digits is never a thousands separator).
  else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  if (!/^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  return { n: sign * Number(s) * mult, percent, unit };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function monthName(s: string): number {
  const i = MONTHS.indexOf(s.slice(0, 3).toLowerCase());
  return i < 0 ? 0 : i + 1;
}

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[\sT].*)?$/;

/** Looks at a column's text dates of the form a/b/yyyy: true when some a > 12 (day first), false when some b > 12. */
export function detectDayFirst(values: Iterable<CellValue>): boolean | null {
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = DMY.exec(v.normalize('NFKC').trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return true;
    if (Number(m[2]) > 12) return false;
  }
  return null;
}

/** 'YYYY-MM-DD', null for blank, or undefined when the value is not a date. */
export function readDate(v: CellValue, dayFirst: boolean | null): string | null | undefined {
  if (v === null) return null;
  if (isDate(v)) return v.iso.slice(0, 10);
  if (typeof v === 'number') {
    if (v >= 19000101 && v <= 22001231 && Number.isInteger(v))
      return isoOf(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100) ?? undefined;
    return v >= 1 && v < 2958466 ? serialToDate(v).iso.slice(0, 10) : undefined;
  }
  if (typeof v !== 'string') return undefined;
  const s = v.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (s === '') return null;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(s);
  if (m) return isoOf(+m[1], +m[2], +m[3]) ?? undefined;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoOf(+m[1], +m[2], +m[3]) ?? undefined;
  m = DMY.exec(s);
  if (m) return (dayFirst ? isoOf(+m[3], +m[2], +m[1]) : isoOf(+m[3], +m[1], +m[2])) ?? undefined;
  m = /^(\d{1,2})[-\s]([A-Za-z]{3,9})[-\s,]+(\d{4})$/.exec(s);
  if (m && monthName(m[2])) return isoOf(+m[3], monthName(m[2]), +m[1]) ?? undefined;
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m && monthName(m[1])) return isoOf(+m[3], monthName(m[1]), +m[2]) ?? undefined;
  return undefined;
}

/** 1–12 from 3, "3月", "三月", "M3", "March", "Mar-25", "2025-03". */
export function readMonth(v: CellValue): number | undefined {
  if (isDate(v)) return Number(v.iso.slice(5, 7));
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 12 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.normalize('NFKC').replace(SPACES, '');
  let m = /^(?:m|第)?(\d{1,2})(?:月(?:份)?)?$/i.exec(s);
  if (m && +m[1] >= 1 && +m[1] <= 12) return +m[1];
  m = /^\d{4}[-/.年](\d{1,2})月?$/.exec(s);
  if (m && +m[1] >= 1 && +m[1] <= 12) return +m[1];
  m = /^([一二三四五六七八九十]{1,2})月(?:份)?$/.exec(s);
  if (m) return CN_MONTHS.indexOf(m[1]) + 1 || undefined;
  m = /^([A-Za-z]{3,9})\.?(?:[-\s']?\d{2,4})?$/.exec(s);
  if (m && monthName(m[1])) return monthName(m[1]);
  return undefined;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', '是', '有', '对', '√', '✓', 'x', '启用', '有效']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', '否', '无', '不', '×', '✗', '停用', '无效']);

const normKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0\u3000_\-·.]+/g, '');

function textOf(v: CellValue): string {
  // The apostrophe our CSV export puts before =, +, - or @ (so that no spreadsheet runs it) comes off again.
  if (typeof v === 'string') return cleanText(v.charCodeAt(0) === 39 && /^'[=+\-@]/.test(v) ? v.slice(1) : v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) return v.iso.slice(0, 10);
  return '';
}

const bad = (code: string, params: Record<string, unknown> = {}): Parsed => ({ ok: false, code, params });

const BLANK: Parsed = Object.freeze({ ok: true, value: null }) as Parsed;

/** Parses one cell for a field; blank gives null (the pipeline checks `required`). */
export function parseCell(field: ImportField, v: CellValue, col: ColumnContext): Parsed {
  if (v === null || (typeof v === 'string' && !surelyNoSpace(v.charCodeAt(0)) && !VISIBLE.test(v))) return BLANK;
  switch (field.type) {
    case 'text': {
      const s = textOf(v);
      if (field.maxLength && s.length > field.maxLength) return bad('too-long', { max: field.maxLength });
      return { ok: true, value: s || null };
    }
    case 'int':
    case 'number':
    case 'money':
    case 'percent': {
      const r = readNumber(v);
      if (!r) return bad('not-a-number');
      let n = r.n;
      if (field.type === 'percent') n = r.percent || col.percentHeader ? n / 100 : n;
      else if (r.percent) n = n / 100;
      else if (!r.unit) n = n * col.scale;
      if (field.type === 'int' && !Number.isInteger(Math.round(n * 1e9) / 1e9)) return bad('not-an-integer');
      if (field.min !== undefined && n < field.min) return bad('too-small', { min: field.min });
      if (field.max !== undefined && n > field.max) return bad('too-large', { max: field.max });
      if (field.type === 'money') {
        if (Math.abs(n) > 1e12) return bad('too-large', { max: 1e12 });
        return { ok: true, value: Math.round(n * 100) };
      }
      return { ok: true, value: field.type === 'int' ? Math.round(n) : n };
    }
    case 'date': {
      const d = readDate(v, col.dayFirst);
      return d === undefined ? bad('not-a-date') : { ok: true, value: d };
    }
    case 'year': {
      const r = typeof v === 'string' ? /^(\d{4})\s*年?$/.exec(v.normalize('NFKC').trim()) : null;
      const y = typeof v === 'number' ? v : r ? Number(r[1]) : NaN;
      return Number.isInteger(y) && y >= 1900 && y <= 2200 ? { ok: true, value: y } : bad('not-a-year');
    }
    case 'month': {
      const m = readMonth(v);
      return m === undefined ? bad('not-a-month') : { ok: true, value: m };
    }
    case 'bool': {
      if (typeof v === 'boolean') return { ok: true, value: v };
      const k = normKey(textOf(v));
      if (TRUE_WORDS.has(k)) return { ok: true, value: true };
      if (FALSE_WORDS.has(k)) return { ok: true, value: false };
      return bad('not-a-bool');
    }
    case 'enum': {
      const k = normKey(textOf(v));
      for (const value of field.values ?? []) {
        if (normKey(value) === k) return { ok: true, value };
        if ((field.valueSynonyms?.[value] ?? []).some((w) => normKey(w) === k)) return { ok: true, value };
      }
      return bad('not-in-list', { values: (field.values ?? []).join(', ') });
    }
  }
}
