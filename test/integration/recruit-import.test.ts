import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
beforeEach(async () => {
  env = tmpWorkspace();
  await env.call('recruit/plan-save', { title: '2025 华东销售代表', jobTitle: '销售代表', headcount: 2 });
});
afterEach(() => env.ws.close());

/** A candidate list the way a job site's export reads: Chinese headers, channel and education in words. */
function csv(rows: string[][]): string {
  const file = path.join(env.dir, 'boss-export.csv');
  const header = [
    '姓名',
    '应聘职位',
    '手机号码',
    '邮箱',
    '简历来源',
    '投递时间',
    '最高学历',
    '工作年限',
    '所在行业',
    '现居住地',
  ];
  fs.writeFileSync(file, '\ufeff' + [header, ...rows].map((r) => r.join(',')).join('\r\n'));
  return file;
}
const candidates = () =>
  env.ws.db
    .prepare('SELECT name, phone, source, applied_date AS applied, status, profile FROM candidates ORDER BY id')
    .all();

describe('candidate import from job-site lists (P5.2)', () => {
  it('maps the usual headers, names the plan by the position, reads channel and education words, and imports twice without doubling', async () => {
    const file = csv([
      ['张三', '销售代表', '13800000001', 'zs@example.com', 'BOSS直聘', '2025-03-01', '本科', '3', '工业设备', '上海'],
      ['李四', '2025 华东销售代表', '13800000002', '', '智联招聘', '2025/3/2', '大专', '1', '快消', '杭州'],
    ]);
    const r = await env.call('import/run', { kind: 'candidates', file: { path: file } });
    expect([r.committed, r.rows.inserted]).toEqual([true, 2]);
    expect(r.mapping).toMatchObject({
      name: '姓名',
      position: '应聘职位',
      phone: '手机号码',
      channel: '简历来源',
      appliedDate: '投递时间',
      education: '最高学历',
    });
    expect(candidates()).toEqual([
      {
        name: '张三',
        phone: '13800000001',
        source: 'boss',
        applied: '2025-03-01',
        status: 'new',
        profile: JSON.stringify({ education: 'bachelor', years: 3, industry: '工业设备', location: '上海' }),
      },
      {
        name: '李四',
        phone: '13800000002',
        source: 'zhilian',
        applied: '2025-03-02',
        status: 'new',
        profile: JSON.stringify({ education: 'college', years: 1, industry: '快消', location: '杭州' }),
      },
    ]);
    const again = await env.call('import/run', { kind: 'candidates', file: { path: file } });
    expect(again.rows.inserted).toBe(0);
    expect(candidates()).toHaveLength(2);
  });

  it('refuses a row whose position names no open plan, in both languages, writing nothing', async () => {
    const file = csv([
      ['张三', '销售代表', '13800000001', '', 'BOSS直聘', '2025-03-01', '本科', '3', '', ''],
      ['王五', '售前工程师', '13800000003', '', '猎聘', '2025-03-01', '硕士', '5', '', ''],
    ]);
    for (const lang of ['en', 'zh-CN'] as const) {
      const r = await env.attempt('import/run', { kind: 'candidates', file: { path: file } }, lang);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const v = r.value as { committed: boolean; refused: boolean; errors: { row: number; message: string }[] };
      expect([v.committed, v.refused]).toEqual([false, true]);
      expect(v.errors[0].row).toBe(3);
      expect(v.errors[0].message).toContain(lang === 'en' ? 'No open recruitment plan' : '招聘计划');
    }
    expect(candidates()).toEqual([]);
  });
});
