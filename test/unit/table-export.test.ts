import { describe, expect, it } from 'vitest';
import { tableExport } from '../../src-renderer/components/grid/tableExport';

/** The recruitment and training tables export their rows with the grids' writer: numbers and dates raw, text as shown. */
describe('plain tables export like the grids (issue 16 item 13)', () => {
  it('keeps numbers, money, dates and yes/no as values, text as written, blanks as empty cells', () => {
    const rows = [
      { name: '张三', phone: '13800000001', applied: '2025-03-01', score: 87.5, cost: 6800, passed: true },
      { name: '李四', phone: null, applied: null, score: null, cost: 0, passed: null },
    ];
    const input = tableExport(
      '候选人',
      [
        { title: '姓名', value: (r: (typeof rows)[number]) => r.name },
        { title: '手机', value: (r) => r.phone },
        { title: '投递时间', value: (r) => r.applied, format: 'date' },
        { title: '得分', value: (r) => r.score, format: 'number' },
        { title: '费用', value: (r) => r.cost, format: 'money' },
        { title: '通过', value: (r) => r.passed, format: 'bool' },
      ],
      rows,
      'xlsx',
    );
    expect(input.columns.map((c) => c.format)).toEqual(['text', 'text', 'date', 'number', 'money', 'bool']);
    expect(input.rows).toEqual([
      ['张三', '13800000001', '2025-03-01', 87.5, 6800, true],
      ['李四', null, null, null, 0, null],
    ]);
    expect([input.name, input.format]).toEqual(['候选人', 'xlsx']);
  });
});
