import { EDUCATION } from '../../../contract/recruit';
import type { CommitResult, ImportKind, ImportRecord, RowProblem } from './types';
import { Upserter } from './upsert';
import { today } from '../../context';

/**
 * P5.2: candidate lists as job sites export them (BOSS直聘, 智联招聘, 前程无忧, 猎聘): the position applied
 * for names the recruitment plan (its title or job title), so nothing is guessed about where a row belongs;
 * the same person (phone, else e-mail, else name) under the same plan is updated, never doubled.
 */
const L = (k: string) => `recruit.fields.${k}`;

interface State {
  plans: Map<string, number>;
}
const norm = (s: unknown) =>
  String(s ?? '')
    .trim()
    .toLowerCase();
const who = (r: ImportRecord) =>
  r.phone ? `p:${String(r.phone).replace(/[\s()-]/g, '')}` : r.email ? `e:${norm(r.email)}` : `n:${norm(r.name)}`;

export const candidatesKind: ImportKind<State> = {
  kind: 'candidates',
  label: 'importExport.kinds.candidates',
  fields: [
    {
      key: 'name',
      label: L('name'),
      type: 'text',
      required: true,
      maxLength: 50,
      shape: 'name',
      example: '张三',
      synonyms: ['姓名', '候选人', '候选人姓名', '牛人姓名', '应聘者', 'Name', 'Candidate', 'Candidate Name'],
    },
    {
      key: 'position',
      label: L('plan'),
      type: 'text',
      required: true,
      maxLength: 100,
      shape: 'group',
      example: '销售代表',
      synonyms: [
        '应聘职位',
        '投递职位',
        '职位名称',
        '职位',
        '岗位',
        '招聘职位',
        'Position',
        'Job',
        'Job Title',
        'Applied Position',
      ],
    },
    {
      key: 'phone',
      label: L('phone'),
      type: 'text',
      maxLength: 30,
      shape: 'phone',
      example: '13800000000',
      synonyms: ['手机', '手机号', '手机号码', '联系电话', '电话', 'Mobile', 'Phone'],
    },
    {
      key: 'email',
      label: L('email'),
      type: 'text',
      maxLength: 120,
      shape: 'email',
      example: 'zhangsan@example.com',
      synonyms: ['邮箱', '电子邮箱', 'E-mail', 'Email'],
    },
    {
      key: 'channel',
      label: L('channel'),
      type: 'enum',
      values: ['boss', 'zhilian', '51job', 'liepin', 'referral', 'campus', 'agency'],
      example: 'BOSS直聘',
      valueSynonyms: {
        boss: ['BOSS直聘', 'BOSS', 'Boss直聘'],
        zhilian: ['智联招聘', '智联', 'Zhaopin'],
        '51job': ['前程无忧', '51job', '无忧'],
        liepin: ['猎聘', '猎聘网', 'Liepin'],
        referral: ['内推', '内部推荐', '推荐', 'Referral'],
        campus: ['校招', '校园招聘', 'Campus'],
        agency: ['猎头', '中介', '招聘代理', 'Agency', 'Headhunter'],
      },
      synonyms: ['渠道', '来源', '简历来源', '招聘渠道', 'Source', 'Channel'],
    },
    {
      key: 'appliedDate',
      label: L('appliedDate'),
      type: 'date',
      required: true,
      example: '2025-03-01',
      synonyms: [
        '投递时间',
        '投递日期',
        '申请时间',
        '应聘日期',
        '简历投递时间',
        'Applied',
        'Applied Date',
        'Application Date',
      ],
    },
    {
      key: 'education',
      label: L('education'),
      type: 'enum',
      values: EDUCATION,
      example: '本科',
      valueSynonyms: {
        highschool: ['高中', '中专', '中技', '技校', 'High school'],
        college: ['大专', '专科', 'College'],
        bachelor: ['本科', '学士', "Bachelor's", 'Bachelor'],
        master: ['硕士', '研究生', 'MBA', "Master's", 'Master'],
        doctor: ['博士', 'PhD', 'Doctorate'],
      },
      synonyms: ['学历', '最高学历', 'Education', 'Degree'],
    },
    {
      // Job sites write 3年, 3-5年, 10年以上, 应届生: read by readYears, never narrowed to a chosen bound.
      key: 'years',
      label: L('years'),
      type: 'text',
      maxLength: 30,
      example: 3,
      synonyms: ['工作年限', '工作经验', '经验', '销售年限', 'Years', 'Experience', 'Years of Experience'],
    },
    {
      // 8-10K, 8千-1万, 面议: the text is stored as given; a range or one amount beside it when it says one.
      key: 'salary',
      label: L('salary'),
      type: 'text',
      maxLength: 30,
      example: '8-10K',
      synonyms: [
        '期望薪资',
        '期望月薪',
        '期望薪水',
        '期望工资',
        '薪资要求',
        'Expected Salary',
        'Salary Expectation',
        'Desired Salary',
      ],
    },
    {
      key: 'industry',
      label: L('industry'),
      type: 'text',
      maxLength: 60,
      shape: 'group',
      example: '工业设备',
      synonyms: ['行业', '所在行业', '目前行业', 'Industry'],
    },
    {
      key: 'location',
      label: L('location'),
      type: 'text',
      maxLength: 60,
      shape: 'group',
      example: '上海',
      synonyms: ['现居住地', '所在城市', '城市', '居住地', 'Location', 'City'],
    },
  ],
  prepare(ctx) {
    const plans = new Map<string, number>();
    for (const p of ctx.db
      .prepare("SELECT id, title, job_title AS jobTitle FROM recruitment_plans WHERE status = 'open' ORDER BY id")
      .all() as { id: number; title: string; jobTitle: string | null }[]) {
      if (!plans.has(norm(p.title))) plans.set(norm(p.title), p.id);
      if (p.jobTitle && !plans.has(norm(p.jobTitle))) plans.set(norm(p.jobTitle), p.id);
    }
    return { plans };
  },
  check(r, s) {
    const problems: RowProblem[] = [];
    const plan = s.plans.get(norm(r.position));
    if (plan === undefined)
      problems.push({ field: 'position', code: 'recruit.import.unknownPlan', params: { position: r.position } });
    else r.planId = plan;
    if (r.appliedDate && String(r.appliedDate) > today())
      problems.push({ field: 'appliedDate', code: 'recruit.import.appliedInFuture', params: { date: r.appliedDate } });
    if (r.years !== null && r.years !== undefined) {
      const y = readYears(String(r.years));
      if ('problem' in y) problems.push({ field: 'years', code: y.problem, params: { max: MAX_YEARS } });
      else r.years = y;
    }
    if (r.salary !== null && r.salary !== undefined) r.salary = readSalary(String(r.salary));
    return problems;
  },
  notes(records) {
    // What was stored as the sheet's own words, not as one number (rule: never silently).
    const asText = (f: 'years' | 'salary', take: (v: Reading) => boolean) => {
      const values = records.map((r) => r[f] as Reading | null | undefined).filter((v): v is Reading => !!v && take(v));
      return { count: values.length, examples: [...new Set(values.map((v) => v.text))].slice(0, 5).join(', ') };
    };
    const out: { code: string; params: Record<string, unknown> }[] = [];
    const y = asText('years', (v) => v.number === null);
    if (y.count)
      out.push({ code: 'recruit.import.yearsAsText', params: { count: y.count, n: y.count, examples: y.examples } });
    const s = asText('salary', (v) => v.number === null);
    if (s.count)
      out.push({ code: 'recruit.import.salaryAsText', params: { count: s.count, n: s.count, examples: s.examples } });
    return out;
  },
  key: (r) => `${norm(r.position)}|${who(r)}`,
  keyText: (r) => `${String(r.position)} · ${String(r.name)}`,
  commit(records, _s, ctx): CommitResult {
    const up = new Upserter(ctx.db, ctx.changes);
    const find = ctx.db.prepare(
      'SELECT * FROM candidates WHERE plan_id = ? AND (phone = ? OR lower(email) = lower(?) OR (? IS NULL AND ? IS NULL AND name = ?)) ORDER BY id LIMIT 1',
    );
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    records.forEach((r, i) => {
      const existing = find.get(
        r.planId,
        r.phone ?? null,
        r.email ?? null,
        r.phone ?? null,
        r.email ?? null,
        r.name,
      ) as (Record<string, unknown> & { id: number }) | undefined;
      const years = r.years as Reading | null;
      const salary = r.salary as Reading | null;
      const profile = {
        education: r.education ?? null,
        // years: one number only (screening compares it); a range and the cell's text beside it
        years: years?.number ?? null,
        ...(years && years.number === null ? { yearsText: years.text } : {}),
        ...(years?.range ? { yearsRange: years.range } : {}),
        ...(salary ? { salaryText: salary.text } : {}),
        ...(salary?.number != null ? { salary: salary.number } : {}),
        ...(salary?.range ? { salaryRange: salary.range } : {}),
        industry: r.industry ?? null,
        location: r.location ?? null,
      };
      const values = {
        plan_id: r.planId,
        name: r.name,
        phone: r.phone,
        email: r.email,
        source: r.channel,
        applied_date: r.appliedDate,
        profile: existing ? null : JSON.stringify(profile),
      };
      const { action } = up.upsert('candidates', existing, values, { status: 'new' });
      result[action]++;
      ctx.progress(i + 1, records.length);
    });
    return result;
  },
};

const MAX_YEARS = 60;

/**
 * A cell read as a person reads it: its text always; `number` only when the cell is one number with its
 * unit ("3年" → 3); `range` when it says a range ("3-5年" → 3…5, "10年以上" → from 10, "1年以下" → up to 1).
 * Nothing else is made a number: 应届生, 无经验, 面议 stay the sheet's words.
 */
export interface Reading {
  text: string;
  number: number | null;
  range?: { min: number | null; max: number | null };
}

const NUM = '(\\d+(?:\\.\\d+)?)';
const DASH = '\\s*(?:-|–|—|~|～|至|到)\\s*';
const YEAR = '\\s*(?:年|years?|yrs?)';

/** Years of experience as job sites write them (see Reading); a single number over 60 is refused. */
export function readYears(cell: string): Reading | { problem: string } {
  const text = cell.trim();
  const one = new RegExp(`^${NUM}(?:${YEAR})?$`, 'i').exec(text);
  if (one) {
    const n = Number(one[1]);
    return n > MAX_YEARS ? { problem: 'too-large' } : { text, number: n };
  }
  const between = new RegExp(`^${NUM}(?:${YEAR})?${DASH}${NUM}${YEAR}$`, 'i').exec(text);
  if (between && Number(between[1]) <= Number(between[2]))
    return { text, number: null, range: { min: Number(between[1]), max: Number(between[2]) } };
  const above = new RegExp(`^${NUM}${YEAR}\\s*(?:以上|及以上|\\+|or more)$`, 'i').exec(text);
  if (above) return { text, number: null, range: { min: Number(above[1]), max: null } };
  const below = new RegExp(`^${NUM}${YEAR}\\s*(?:以下|以内|or less)$`, 'i').exec(text);
  if (below) return { text, number: null, range: { min: null, max: Number(below[1]) } };
  return { text, number: null };
}

const SALARY_UNIT: Record<string, number> = { k: 1000, 千: 1000, w: 10000, 万: 10000 };
const AMOUNT = '(\\d+(?:\\.\\d+)?)\\s*(k|千|w|万)?';

/**
 * A monthly salary expectation in yuan (see Reading): "8-10K" and "8千-1万" are ranges (a bound without
 * its unit takes the other's), "8K" one amount; "面议" and anything else only the text.
 */
export function readSalary(cell: string): Reading {
  const text = cell.trim();
  const yuan = (n: string, unit: string | undefined) => Math.round(Number(n) * (unit ? SALARY_UNIT[unit] : 1));
  const between = new RegExp(`^${AMOUNT}${DASH}${AMOUNT}\\s*(?:元)?(?:/月)?$`, 'i').exec(text);
  if (between) {
    const u1 = between[2]?.toLowerCase();
    const u2 = between[4]?.toLowerCase();
    const min = yuan(between[1], u1 ?? u2);
    const max = yuan(between[3], u2 ?? u1);
    if (min <= max) return { text, number: null, range: { min, max } };
  }
  const one = new RegExp(`^${AMOUNT}\\s*(?:元)?(?:/月)?$`, 'i').exec(text);
  if (one) return { text, number: yuan(one[1], one[2]?.toLowerCase()) };
  return { text, number: null };
}
