import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src-main/excel/cell';
import { naturalOrder, planColumns } from '../../src-main/services/survey/import/columns';
import type { Layout, SurveySheet } from '../../src-main/services/survey/import/layouts';

/** Issue #10 item 2 (P4.7): a question is typed by its answers; the header only breaks ties. */
function sheet(columns: Record<string, CellValue[]>, layout: Layout = 'generic'): SurveySheet {
  const headers = Object.keys(columns);
  const n = Math.max(...Object.values(columns).map((v) => v.length));
  return {
    layout,
    sheet: 'Sheet1',
    headerRow: 1,
    columns: headers.map((header, index) => ({
      index,
      header,
      sub: null,
      letter: String.fromCharCode(65 + index),
      openEnded: false,
    })),
    rows: Array.from({ length: n }, (_, r) => ({ r: r + 2, cells: headers.map((h) => columns[h][r] ?? null) })),
  };
}
const roster = new Set(['王芳', '李强', 's001', 's002', '3']);
const has = { has: (v: string) => roster.has(v) || roster.has(v.toLowerCase()) };
const typed = (columns: Record<string, CellValue[]>, layout?: Layout) =>
  planColumns(sheet(columns, layout), has).map((p) => (p.role === 'question' ? p.type : p.role));

describe('question typing by answers (issue #10 item 2)', () => {
  it('the account-manager satisfaction question is a scale, in words or in numbers, in Chinese or English', () => {
    expect(typed({ 您对客户经理专业程度的满意度: ['满意', '非常满意', '一般', '(跳过)', '不满意', '满意'] })).toEqual([
      'likert5',
    ]);
    expect(typed({ 您对客户经理专业程度的满意度: [5, 4, 4, 3, '(空)', 1] })).toEqual(['likert5']);
    expect(typed({ "How satisfied are you with your account manager's expertise?": [5, 4, 2, 3, 5] })).toEqual([
      'likert5',
    ]);
  });

  it('scales headed 重要…, 认同…, 同意…, 可能… and their English counterparts', () => {
    expect(typed({ 重要程度: ['非常重要', '比较重要', '一般', '不太重要', '非常重要'] })).toEqual(['likert5']);
    expect(typed({ 您是否认同: ['非常认同', '认同', '不认同', '认同'] })).toEqual(['likert5']);
    expect(typed({ 您是否同意: ['同意', '非常同意', '不同意', '同意'] })).toEqual(['likert5']);
    expect(typed({ 再次购买的可能性: ['非常可能', '可能', '不太可能', '可能'] })).toEqual(['likert5']);
    expect(
      typed({
        'How important is delivery speed?': [
          'Very important',
          'Extremely important',
          'Slightly important',
          'Not at all important',
        ],
      }),
    ).toEqual(['likert5']);
    expect(typed({ 'How likely are you to buy again?': ['Very likely', 'Likely', 'Not likely', 'Unlikely'] })).toEqual([
      'likert5',
    ]);
    // a coded 问卷星 column worded as a scale stays a scale
    expect(
      typed(
        {
          序号: [1, 2, 3, 4],
          提交答卷时间: ['2026/1/1', '2026/1/1', '2026/1/1', '2026/1/1'],
          '3、您对客户经理服务的满意程度': [4, 5, 3, 2],
        },
        'wjx-coded',
      ).at(-1),
    ).toBe('likert5');
  });

  it('names and employee numbers of the roster are the salesperson, with or without a telling header', () => {
    expect(typed({ 为您服务的客户经理: ['王芳', 'S002', '王芳', '李强'] })).toEqual(['salesperson']);
    expect(typed({ 负责人: ['王芳', 'S002', '王芳', '李强'] })).toEqual(['salesperson']);
    // a header naming the account manager with names outside the roster still names a salesperson
    expect(typed({ 'Which account manager served you?': ['Tom', 'Jerry', 'Tom'] })).toEqual(['salesperson']);
    // employee number 3 under a salesperson header is a person, not a score
    expect(typed({ 为您服务的客户经理: [3, 3, 3] })).toEqual(['salesperson']);
  });

  it('respondent numbers under their usual names', () => {
    for (const h of ['问卷序号', '答卷编号', '编号', 'Response ID', 'Respondent ID', 'ResponseId'])
      expect(typed({ [h]: [1, 2, 3], 总体满意度: ['满意', '一般', '满意'] })[0], h).toBe('id');
  });

  it('(跳过) and (空) are no answers: they neither make a choice nor an option', () => {
    const [p] = planColumns(
      sheet({ 手机部数: ['3部', '(跳过)', '1部', '(空)', '3部', '1部', '4部及以上', '2部', '2部', '1部'] }),
      has,
    );
    expect(p).toMatchObject({ type: 'choice', choices: ['1部', '2部', '3部', '4部及以上'] });
  });

  it('natural order compares the numbers inside options', () => {
    expect(['10部', '2部', '4部及以上', '1部'].sort(naturalOrder)).toEqual(['1部', '2部', '4部及以上', '10部']);
    expect(['20%左右', '5%左右', '10%左右'].sort(naturalOrder)).toEqual(['5%左右', '10%左右', '20%左右']);
  });
});
