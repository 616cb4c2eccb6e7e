import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tmpWorkspace } from '../support/workspace';

/**
 * Years of experience and salary expectations as job sites export them (issue 16 item 2, P5.2), in
 * test/fixtures/team-building/candidates-jobsite-values.xlsx (openpyxl, make-fixtures.py). The rule: the
 * cell's text is kept; a number only when the cell is one number with its unit ("3年" → 3); a range kept as
 * a range, never narrowed to a chosen bound; words (应届生, 面议) stay words, and the answer says so. The
 * stored profiles below are written out by hand.
 */
const DIR = path.join(import.meta.dirname, '../fixtures/team-building');

let env: ReturnType<typeof tmpWorkspace>;
afterEach(() => env.ws.close());

type Answer = {
  committed: boolean;
  rows: { inserted: number; invalid: number };
  notes: string[];
  errors: { row: number; field: string | null; code: string; message: string }[];
};
const base = { education: null, industry: null, location: null };

describe('candidates: years of experience and salary expectations as job sites write them', () => {
  it('stores each cell as it says, ranges as ranges, words as words, and says which were not one number', async () => {
    env = tmpWorkspace('en');
    await env.call('recruit/plan-save', { title: '2025 华东销售代表', jobTitle: '销售代表', headcount: 8 });
    const file = path.join(env.dir, 'jobsite.xlsx');
    fs.copyFileSync(path.join(DIR, 'candidates-jobsite-values.xlsx'), file);
    const r = (await env.call('import/run', { kind: 'candidates', file: { path: file } })) as unknown as Answer;
    expect(r.errors).toEqual([]);
    expect([r.committed, r.rows.inserted, r.rows.invalid]).toEqual([true, 8, 0]);
    expect(r.notes).toEqual([
      '6 candidates’ years of experience are not one number (3-5年, 10年以上, 应届生, 应届毕业生, 1年以下): stored as the sheet’s text, with the range where it gives one; screening settles a range that lies wholly above or below the plan’s minimum, and counts the rest as unknown.',
      '5 candidates’ salary expectations are not one amount (8-10K, 8千-1万, 面议, 5000-7000, 8-10K·13薪): stored as the sheet’s text, with the range where it gives one.',
    ]);
    const rows = env.ws.db.prepare('SELECT name, profile FROM candidates ORDER BY id').all() as {
      name: string;
      profile: string;
    }[];
    expect(rows.map((c) => [c.name, JSON.parse(c.profile) as unknown])).toEqual([
      ['周一', { ...base, years: 3, salaryText: '8-10K', salaryRange: { min: 8000, max: 10000 } }],
      [
        '吴二',
        {
          ...base,
          years: null,
          yearsText: '3-5年',
          yearsRange: { min: 3, max: 5 },
          salaryText: '8千-1万',
          salaryRange: { min: 8000, max: 10000 },
        },
      ],
      ['郑三', { ...base, years: null, yearsText: '10年以上', yearsRange: { min: 10, max: null }, salaryText: '面议' }],
      ['冯四', { ...base, years: null, yearsText: '应届生', salaryText: '6K', salary: 6000 }],
      ['陈五', { ...base, years: null, yearsText: '应届毕业生' }],
      [
        '褚六',
        {
          ...base,
          years: null,
          yearsText: '1年以下',
          yearsRange: { min: null, max: 1 },
          salaryText: '5000-7000',
          salaryRange: { min: 5000, max: 7000 },
        },
      ],
      ['卫七', { ...base, years: null, yearsText: '无经验', salaryText: '8-10K·13薪' }],
      ['蒋八', { ...base, years: 2, salaryText: '12k', salary: 12000 }],
    ]);
  });

  it('screens a range of years by the plan’s minimum when all of the range is on one side (P5.2)', async () => {
    env = tmpWorkspace('en');
    const plan = (await env.call('recruit/plan-save', {
      title: '2025 华东销售代表',
      jobTitle: '销售代表',
      headcount: 8,
      criteria: { minYears: 3 },
    })) as { id: number };
    const file = path.join(env.dir, 'jobsite.xlsx');
    fs.copyFileSync(path.join(DIR, 'candidates-jobsite-values.xlsx'), file);
    await env.call('import/run', { kind: 'candidates', file: { path: file } });
    const ids = env.ws.db.prepare('SELECT name, id FROM candidates ORDER BY id').all() as {
      name: string;
      id: number;
    }[];
    const verdict = async (id: number) => {
      const s = await env.call('recruit/screening', { candidateId: id });
      const item = s.items.find((i) => i.criterion === 'minYears')!;
      return [item.given, item.verdict];
    };
    const byName = Object.fromEntries(await Promise.all(ids.map(async (c) => [c.name, await verdict(c.id)])));
    // worked by hand against a minimum of 3 years
    expect(byName).toEqual({
      周一: ['3', 'met'], // 3年
      吴二: ['3-5年', 'met'], // 3…5, all ≥ 3
      郑三: ['10年以上', 'met'], // from 10
      冯四: ['应届生', 'unknown'], // words, not a number
      陈五: ['应届毕业生', 'unknown'],
      褚六: ['1年以下', 'not-met'], // up to 1, all < 3
      卫七: ['无经验', 'unknown'],
      蒋八: ['2', 'not-met'], // 2年
    });
    // against a minimum of 4, "3-5年" straddles it: the manager asks
    await env.call('recruit/plan-save', {
      id: plan.id,
      title: '2025 华东销售代表',
      jobTitle: '销售代表',
      headcount: 8,
      criteria: { minYears: 4 },
    });
    expect(await verdict(ids[1].id)).toEqual(['3-5年', 'unknown']);
  });

  it('refuses a single number of years beyond 60, in both languages, and writes nothing', async () => {
    env = tmpWorkspace();
    await env.call('recruit/plan-save', { title: '2025 华东销售代表', jobTitle: '销售代表', headcount: 4 });
    const file = path.join(env.dir, 'years.csv');
    fs.writeFileSync(file, '姓名,应聘职位,手机号码,投递时间,工作经验\n张三,销售代表,13800000001,2025-03-01,70年\n');
    for (const lang of ['en', 'zh-CN'] as const) {
      const a = await env.attempt('import/run', { kind: 'candidates', file: { path: file } }, lang);
      if (!a.ok) throw new Error(a.error.message);
      const v = a.value as unknown as Answer;
      expect(v.committed).toBe(false);
      expect(v.errors.map((e) => [e.row, e.field, e.code])).toEqual([[2, 'years', 'too-large']]);
      expect(v.errors[0].message).toContain('60');
    }
    expect(env.ws.db.prepare('SELECT count(*) FROM candidates').pluck().get()).toBe(0);
  });
});
