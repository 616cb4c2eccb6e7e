import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Lang } from '../../src-main/i18n/messages';
import { invalidInput } from '../../src-main/runtime/invalid-input';
import { tmpWorkspace } from '../support/workspace';

/** Refused input is worded in the user's language, never in zod's English (issue 11 review, defect a). */

let env: ReturnType<typeof tmpWorkspace>;
beforeEach(() => {
  env = tmpWorkspace();
});
afterEach(() => env.ws.close());

const teamCount = () => (env.ws.db.prepare('SELECT count(*) AS n FROM teams').get() as { n: number }).n;

describe('invalid input through dispatch', () => {
  it('names an empty team name as required in both languages, and writes nothing', async () => {
    const en = await env.attempt('teams/create', { name: '' }, 'en');
    const zh = await env.attempt('teams/create', { name: '  ' }, 'zh-CN');
    expect(en).toMatchObject({
      ok: false,
      error: {
        code: 'request/invalid-input',
        message: 'Name is required.',
        details: { field: 'name', issue: 'too_small' },
      },
    });
    expect(zh).toMatchObject({ ok: false, error: { code: 'request/invalid-input', message: '姓名不能为空。' } });
    expect(teamCount()).toBe(0);
  });

  it('tells a missing field from one of the wrong type', async () => {
    const missing = await env.attempt('targets/show', {}, 'en');
    const wrong = await env.attempt('targets/show', { year: 'next' }, 'zh-CN');
    expect(!missing.ok && missing.error.message).toBe('Year is required.');
    expect(!wrong.ok && wrong.error.message).toBe('年份须为数字。');
  });

  it('lists the allowed choices of an enum', async () => {
    const r = await env.attempt('targets/breakdown', { year: 2026, method: 'random' }, 'en');
    expect(!r.ok && r.error.message).toBe('Method must be one of: even, history, weights, bottom-up, working-days.');
  });
});

// One schema per zod issue code that user input can trigger, with the English and Chinese reasons expected.
const CASES: [string, z.ZodType, unknown, string, string][] = [
  [
    'too_small (string, min 1)',
    z.object({ name: z.string().min(1) }),
    { name: '' },
    'Name is required.',
    '姓名不能为空。',
  ],
  [
    'too_small (string)',
    z.object({ name: z.string().min(3) }),
    { name: 'ab' },
    'Name must have at least 3 characters.',
    '姓名至少须有 3 个字符。',
  ],
  [
    'too_small (number)',
    z.object({ limit: z.number().min(1) }),
    { limit: 0 },
    'Page size must be at least 1.',
    '每页行数不能小于 1。',
  ],
  [
    'too_small (positive)',
    z.object({ limit: z.number().positive() }),
    { limit: 0 },
    'Page size must be greater than 0.',
    '每页行数须大于 0。',
  ],
  [
    'too_small (array)',
    z.object({ limit: z.array(z.number()).min(2) }),
    { limit: [1] },
    'Page size must have at least 2 items.',
    '每页行数至少须有 2 项。',
  ],
  [
    'too_small (exact length)',
    z.object({ limit: z.array(z.number()).length(12) }),
    { limit: [1] },
    'Page size must have exactly 12 items.',
    '每页行数须恰好有 12 项。',
  ],
  [
    'too_big (string)',
    z.object({ name: z.string().max(2) }),
    { name: 'abc' },
    'Name must have at most 2 characters.',
    '姓名最多 2 个字符。',
  ],
  [
    'too_big (number)',
    z.object({ limit: z.number().max(1000) }),
    { limit: 1001 },
    'Page size must be at most 1000.',
    '每页行数不能大于 1000。',
  ],
  [
    'too_big (array)',
    z.object({ limit: z.array(z.number()).max(1) }),
    { limit: [1, 2] },
    'Page size must have at most 1 items.',
    '每页行数最多 1 项。',
  ],
  ['invalid_type (missing)', z.object({ name: z.string() }), {}, 'Name is required.', '姓名为必填项。'],
  [
    'invalid_type (number)',
    z.object({ limit: z.number() }),
    { limit: 'x' },
    'Page size must be a number.',
    '每页行数须为数字。',
  ],
  [
    'invalid_type (int)',
    z.object({ limit: z.number().int() }),
    { limit: 1.5 },
    'Page size must be a whole number.',
    '每页行数须为整数。',
  ],
  [
    'invalid_type (boolean)',
    z.object({ limit: z.boolean() }),
    { limit: 'yes' },
    'Page size must be true or false.',
    '每页行数须为 true 或 false。',
  ],
  [
    'invalid_value',
    z.object({ size: z.enum(['small', 'large']) }),
    { size: 'huge' },
    'Size must be one of: small, large.',
    '规模须为以下之一：small, large。',
  ],
  [
    'invalid_format (regex)',
    z.object({ name: z.string().regex(/^a+$/) }),
    { name: 'b' },
    'Name has the wrong format.',
    '姓名格式不正确。',
  ],
  [
    'invalid_format (own key)',
    z.object({ email: z.string().regex(/@/, { message: 'email' }) }),
    { email: 'b' },
    'E-mail is not a valid e-mail address.',
    '电子邮件不是有效的电子邮件地址。',
  ],
  [
    'not_multiple_of',
    z.object({ limit: z.number().multipleOf(5) }),
    { limit: 3 },
    'Page size must be a multiple of 5.',
    '每页行数须为 5 的倍数。',
  ],
  [
    'invalid_union',
    z.object({ name: z.union([z.number(), z.string()]) }),
    { name: true },
    'Name has the wrong type or format.',
    '姓名类型或格式不正确。',
  ],
  [
    'invalid_key',
    z.object({ limit: z.record(z.string().max(2), z.number()) }),
    { limit: { abc: 1 } },
    'Page size contains a name that is not allowed: abc.',
    '每页行数含有不允许的名称：abc。',
  ],
  ['unrecognized_keys', z.object({}).strict(), { extra: 1 }, 'contains unknown fields: extra', '含有未知字段：extra'],
];

describe('every zod issue code has a reason in both languages', () => {
  for (const [name, schema, input, en, zh] of CASES) {
    it(name, () => {
      const r = schema.safeParse(input);
      expect(r.success).toBe(false);
      const says = (lang: Lang) => invalidInput(r.error!, lang, input).message;
      expect([says('en'), says('zh-CN')]).toEqual([en, zh]);
      // zod's English text never shows through
      expect(says('zh-CN')).not.toMatch(/expected|Invalid|Too (small|big)/);
    });
  }
});
