import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
const start = dayjs().subtract(80, 'day').format('YYYY-MM-DD');
const levels = (x: number) => ({ initiative: x, communication: x, sellingSkill: x, teamwork: x });

beforeEach(async () => {
  env = tmpWorkspace();
  const s = await env.call('staff/create', { employeeNo: 'N01', name: '新人', hireDate: start });
  // hired three months ago: probation ends in about ten days
  env.ws.db
    .prepare('UPDATE staff SET probation_end = ? WHERE id = ?')
    .run(dayjs(start).add(3, 'month').subtract(1, 'day').format('YYYY-MM-DD'), s.id);
  env.ws.db
    .prepare(
      "INSERT INTO orders (order_no, date, salesperson_id, amount, customer_id) VALUES ('O1', ?, ?, 1000000, NULL), ('O2', ?, ?, 250000, NULL)",
    )
    .run(start, s.id, dayjs(start).add(10, 'day').format('YYYY-MM-DD'), s.id);
});
afterEach(() => env.ws.close());

describe('probation review at the end of probation (P5.4, P6.1 rubric)', () => {
  it('lists who is due, with the months worked; rates on the rubric; extend moves the end of probation', async () => {
    const due = await env.call('training/probation-due', {});
    expect(due.map((d) => [d.employeeNo, d.data.orders, d.data.sales])).toEqual([['N01', 2, 12500]]);
    const end = due[0].probationEnd!;
    const before = env.ws.db.prepare('SELECT count(*) FROM probation_reviews').pluck().get();
    const r = await env.attempt(
      'training/probation-review',
      { person: 'N01', ratings: levels(9), decision: 'confirm' },
      'zh-CN',
    );
    expect(r.ok ? '' : r.error.code).toBe('recruit/level-outside-rubric');
    const r2 = await env.attempt('training/probation-review', {
      person: 'N01',
      ratings: levels(3),
      decision: 'extend',
      extendTo: end,
      note: '再观察',
    });
    expect(r2.ok ? '' : r2.error.code).toBe('training/extend-date');
    expect(env.ws.db.prepare('SELECT count(*) FROM probation_reviews').pluck().get()).toBe(before);
    const later = dayjs(end).add(1, 'month').format('YYYY-MM-DD');
    const done = await env.call('training/probation-review', {
      person: 'N01',
      ratings: levels(3),
      decision: 'extend',
      extendTo: later,
      note: '再观察',
    });
    expect([done.review?.decision, done.probationEnd]).toEqual(['extend', later]);
    expect(await env.call('training/probation-due', {})).toEqual([]);
    const page = await env.call('report/probation-review', { person: 'N01' });
    const html = Buffer.from(page.base64!, 'base64').toString('utf8');
    expect(html).toContain('Probation review');
    expect(html).toContain('Extend probation');
    expect(html).toContain('¥12,500');
  });
});
