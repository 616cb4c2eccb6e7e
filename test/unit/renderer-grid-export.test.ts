import { describe, expect, it } from 'vitest';
import { columnExportFormat, exportCell, exportFileName } from '../../src-renderer/components/grid/gridExport';

describe('export of what a grid shows (issue 3, item 9)', () => {
  it('names the file after what was exported and the day, in the user’s language', () => {
    const day = new Date(2026, 10, 27);
    expect(exportFileName('订单', 'xlsx', day)).toBe('订单-2026-11-27.xlsx');
    expect(exportFileName('orders', 'csv', day)).toBe('orders-2026-11-27.csv');
    expect(exportFileName('a/b:c', 'xlsx', day)).toBe('a b c-2026-11-27.xlsx');
    expect(exportFileName('  ', 'xlsx', day)).toBe('export-2026-11-27.xlsx');
  });

  it('takes a column’s number format from its definition', () => {
    expect(columnExportFormat({ context: { exportFormat: 'money' } })).toBe('money');
    expect(columnExportFormat({ context: { exportFormat: 'percent' }, cellDataType: 'number' })).toBe('percent');
    expect(columnExportFormat({ cellDataType: 'dateString' })).toBe('date');
    expect(columnExportFormat({ cellDataType: 'number' })).toBe('number');
    expect(columnExportFormat({ cellDataType: 'boolean' })).toBe('bool');
    expect(columnExportFormat({ field: 'name' })).toBe('text');
  });

  it('writes numbers and dates raw (the file formats them) and text as the grid shows it', () => {
    expect(exportCell(1234.5, '¥1,234.50', 'money')).toBe(1234.5);
    expect(exportCell('12', '12', 'int')).toBe(12);
    expect(exportCell(0.125, '12.5%', 'percent')).toBe(0.125);
    expect(exportCell('abc', 'abc', 'number')).toBeNull();
    expect(exportCell('2025-03-05', 'Mar 5, 2025', 'date')).toBe('2025-03-05');
    expect(exportCell('2025-03-05 00:00:00', 'Mar 5, 2025', 'date')).toBe('2025-03-05');
    expect(exportCell(new Date(2025, 2, 5), 'Mar 5, 2025', 'date')).toBe('2025-03-05');
    expect(exportCell('3', '华东区', 'text')).toBe('华东区');
    expect(exportCell(null, '', 'text')).toBeNull();
    expect(exportCell('', '', 'money')).toBeNull();
  });
});
