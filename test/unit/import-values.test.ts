import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src-main/excel/read-table';
import { writeXlsx } from '../../src-main/excel/xlsx-writer';
import { headerUnit, normalizeHeader } from '../../src-main/services/import/mapping';
import { detectDayFirst, parseCell, readDate, readMonth, readNumber } from '../../src-main/services/import/values';
import type { ImportField } from '../../src-main/services/import/kinds/types';

const money: ImportField = { key: 'amount', label: 'x', type: 'money', synonyms: [] };
const plain = { scale: 1, percentHeader: false, dayFirst: null };

describe('value forms (issue #3 "Values")', () => {
  it('numbers with ¥/￥/$, thousands separators, full-width digits, percent, 万, (negative)', () => {
    expect(readNumber('¥1,234.50')?.n).toBe(1234.5);
    expect(readNumber('￥１２３４')?.n).toBe(1234);
    expect(readNumber('$ 99')?.n).toBe(99);
    expect(readNumber('1.5万')?.n).toBe(15000);
    expect(readNumber('(120)')?.n).toBe(-120);
    expect(readNumber('-8元')?.n).toBe(-8);
    expect(readNumber('12.5%')).toEqual({ n: 12.5, percent: true, unit: false });
    expect(readNumber('1.234,56')?.n).toBe(1234.56);
    expect(readNumber('1,23,4')).toBeNull();
    expect(readNumber('abc')).toBeNull();
  });

  it('money: header units scale (万元 ×10,000) unless the cell names its own unit; fen integers', () => {
    expect(parseCell(money, 0.2598, { ...plain, scale: 1e4 })).toEqual({ ok: true, value: 259800 });
    expect(parseCell(money, '1299元', { ...plain, scale: 1e4 })).toEqual({ ok: true, value: 129900 });
    expect(parseCell(money, '0.5万', { ...plain, scale: 1e4 })).toEqual({ ok: true, value: 500000 });
    expect(parseCell(money, 261.95999999999998, plain)).toEqual({ ok: true, value: 26196 });
    expect(headerUnit('金额（万元）')).toEqual({ scale: 1e4, percent: false });
    expect(headerUnit('完成率(%)').percent).toBe(true);
    expect(normalizeHeader('金额（万元）')).toBe('金额');
  });

  it('property: any amount written with separators and a currency sign reads back to the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.constantFrom('¥', '￥', '$', ''), (fen, sign) => {
        const text = `${sign}${(fen / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
        expect(parseCell(money, text, plain)).toEqual({ ok: true, value: fen });
      }),
    );
  });

  it('dates: cells, serials, 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, 20250305, day-first when the column shows it', () => {
    for (const v of [
      '2025-03-05',
      '2025/3/5',
      '2025.3.5',
      '2025年3月5日',
      '20250305',
      45721,
      '2025-03-05 14:30',
      'Mar 5, 2025',
      '5-Mar-2025',
    ])
      expect(readDate(v, null), String(v)).toBe('2025-03-05');
    expect(readDate('2025-13-45', null)).toBeUndefined();
    expect(readDate('2025-02-29', null)).toBeUndefined();
    expect(detectDayFirst(['01/04/2018', '13/04/2018'])).toBe(true);
    expect(detectDayFirst(['04/01/2018', '04/13/2018'])).toBe(false);
    expect(readDate('05/03/2025', true)).toBe('2025-03-05');
    expect(readDate('05/03/2025', false)).toBe('2025-05-03');
    expect(readMonth('3月')).toBe(3);
    expect(readMonth('三月')).toBe(3);
    expect(readMonth('Apr-18')).toBe(4);
    expect(readMonth(13)).toBeUndefined();
  });

  it('property: rows written by the workbench writer read back cell for cell (strings with XML specials, numbers, dates)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc
              .string({ minLength: 1, maxLength: 12 })
              .filter((s) => s.trim() === s && s.trim() !== '' && [...s].every((ch) => ch.charCodeAt(0) >= 32)),
            fc.double({ min: -1e9, max: 1e9, noNaN: true }),
            fc.integer({ min: 36526, max: 73050 }),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (rows) => {
          const data = rows.map(([s, n, d]) => [
            `x${s}`,
            n,
            new Date(Date.UTC(1899, 11, 30) + d * 86400000).toISOString().slice(0, 10),
          ]);
          const bytes = writeXlsx([
            {
              name: 'T',
              columns: [
                { header: 'Text', format: 'text' },
                { header: 'Num', format: 'number' },
                { header: 'Date', format: 'date' },
              ],
              rows: data,
            },
          ]);
          const t = readTable(bytes, 't.xlsx').table;
          expect(t.rows.map((r) => [r.cells[0], r.cells[1], (r.cells[2] as { iso: string }).iso])).toEqual(
            data.map(([s, n, d]) => [s, Object.is(n, -0) ? 0 : n, d]),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
