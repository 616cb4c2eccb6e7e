import { attr, tags } from './xml-text';

// Built-in number formats that show dates or times (ECMA-376 18.8.30, plus the CJK ids Excel and WPS use).
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);
const BUILTIN_PERCENT = new Set([9, 10]);

/** True when a custom number format code displays a date or time (d, m, y, h, s outside quotes and brackets). */
function isDateFormat(code: string): boolean {
  const bare = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/General/i.test(bare) && !/[dy]/i.test(bare.replace(/General/gi, ''))) return false;
  return /[dmyhs]/i.test(bare.replace(/E[+-]/g, '')) && !/^[#0.,\s%]+$/.test(bare);
}

export interface CellStyles {
  /** For each cellXfs index: 'date', 'percent' or undefined. */
  kinds: ('date' | 'percent' | undefined)[];
  /** For each cellXfs index: its number format code, when not General (a problem file keeps it, issue 10 item 12). */
  codes?: (string | undefined)[];
}

// The built-in formats whose codes are the same in every locale (ECMA-376 18.8.30); dates keep ours.
const BUILTIN_CODE: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  48: '##0.0E+0',
};

/** Reads styles.xml: which style indexes show numbers as dates (so a serial becomes a date) or percentages. */
export function readStyles(xml: string | undefined): CellStyles {
  if (!xml) return { kinds: [] };
  const custom = new Map<number, string>();
  for (const t of tags(xml, 'numFmt')) {
    const id = Number(attr(t, 'numFmtId'));
    const code = attr(t, 'formatCode') ?? '';
    custom.set(
      id,
      code
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    );
  }
  const start = xml.search(/<(?:\w+:)?cellXfs[\s>]/);
  const end = xml.search(/<\/(?:\w+:)?cellXfs>/);
  const section = start >= 0 && end > start ? xml.slice(start, end) : '';
  const xfs = tags(section, 'xf');
  const codes = xfs.map((t) => {
    const id = Number(attr(t, 'numFmtId') ?? 0);
    const code = custom.get(id) ?? BUILTIN_CODE[id];
    return code && !/^general$/i.test(code) ? code : undefined;
  });
  const kinds = xfs.map((t) => {
    const id = Number(attr(t, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined)
      return isDateFormat(code) ? 'date' : /%/.test(code.replace(/"[^"]*"/g, '')) ? 'percent' : undefined;
    if (BUILTIN_DATE.has(id)) return 'date';
    if (BUILTIN_PERCENT.has(id)) return 'percent';
    return undefined;
  });
  return { kinds: kinds as CellStyles['kinds'], codes };
}
