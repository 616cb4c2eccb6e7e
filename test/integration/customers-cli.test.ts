import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../support/workspace';
import { cli } from '../support/cli';

const TODAY = '2026-08-20';
let dir: string;
beforeAll(() => {
  dir = tmpDir();
  const r = cli(['--data-dir', dir, '--json', 'demo', '--today', TODAY]);
  expect(r.status, r.stderr).toBe(0);
}, 120_000);

const run = (...args: string[]) => cli(['--data-dir', dir, '--json', ...args]);
const open = () => new Database(path.join(dir, 'workbench.db'), { readonly: true });

describe('customers, visits and care on the command line (cli.md)', () => {
  it('the demo has graded customers, contacts with lunar birthdays, typed visits and a year of greetings', () => {
    const db = open();
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(n('SELECT count(*) FROM customers WHERE grade IS NULL')).toBe(0);
    expect(n("SELECT count(*) FROM customers WHERE grade = 'A'")).toBeGreaterThan(5);
    expect(n('SELECT count(*) FROM contacts')).toBeGreaterThan(300);
    expect(n("SELECT count(*) FROM contacts WHERE birth_calendar = 'lunar'")).toBeGreaterThan(10);
    expect(n("SELECT count(*) FROM interactions WHERE kind = 'care' AND occasion = 'chunjie'")).toBeGreaterThan(20);
    expect(n("SELECT count(*) FROM interactions WHERE kind = 'visit' AND status = 'planned'")).toBeGreaterThan(0);
    expect(n("SELECT count(*) FROM interactions WHERE kind = 'visit' AND visit_type IS NULL")).toBe(0);
    // The company's founding day every year (its first hire) and this year's customer event once.
    expect(db.prepare('SELECT name, yearly, date FROM company_events ORDER BY id').all()).toEqual([
      { name: '公司成立纪念日', yearly: 1, date: n('SELECT min(hire_date) FROM staff') },
      { name: '年度客户答谢会', yearly: 0, date: '2026-11-20' },
    ]);
    db.close();
  });

  it('visits due --json: { asOf, items: [ {customer, grade, salesperson, lastVisit, dueDate, daysOverdue} ] }, some overdue, A first', () => {
    const r = run('visits', 'due', '--as-of', TODAY);
    expect(r.status, r.stderr).toBe(0);
    const due = JSON.parse(r.stdout);
    expect(due.asOf).toBe(TODAY);
    expect(due.items.length).toBeGreaterThan(10);
    for (const i of due.items)
      expect(Object.keys(i)).toEqual(
        expect.arrayContaining(['customer', 'grade', 'salesperson', 'lastVisit', 'dueDate', 'daysOverdue']),
      );
    const grades = due.items.map((i: { grade: string }) => i.grade);
    expect(grades).toEqual([...grades].sort());
    expect(due.items.some((i: { daysOverdue: number }) => i.daysOverdue > 0)).toBe(true);
    const person = due.items[0].salesperson;
    const mine = JSON.parse(run('visits', 'due', '--as-of', TODAY, '--person', person).stdout);
    expect(mine.items.every((i: { salesperson: string }) => i.salesperson === person)).toBe(true);
    const compliance = JSON.parse(run('visits', 'compliance', '--as-of', TODAY).stdout);
    // Realistic, not perfect: most A customers visited on time, some not.
    expect(compliance.company).toBeGreaterThan(0.3);
    expect(compliance.company).toBeLessThan(1);
  });

  it('care calendar --year: { year, events: [ {date, occasion, kind, customer?, contact?} ] } in the chosen language', () => {
    const r = cli(['--data-dir', dir, '--json', '--lang', 'zh-CN', 'care', 'calendar', '--year', '2027']);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.year).toBe(2027);
    expect(c.events.find((e: { occasion: string }) => e.occasion === '春节')).toMatchObject({
      date: '2027-02-06',
      kind: 'festival',
    });
    expect(c.events.some((e: { kind: string; contact?: string }) => e.kind === 'birthday' && e.contact)).toBe(true);
    const text = cli(['--data-dir', dir, 'care', 'calendar', '--year', '2099']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('not in the calendar data yet');
  });

  it('customers merge --keep --merge --reason keeps every order; wrong usage exits 2, an unknown code exits 1', () => {
    const db = open();
    const [a, b] = db
      .prepare('SELECT code FROM customers WHERE code IS NOT NULL ORDER BY id LIMIT 2')
      .pluck()
      .all() as string[];
    const orders = db.prepare('SELECT count(*) FROM orders').pluck().get();
    const ofBoth = db
      .prepare('SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.code IN (?, ?)')
      .pluck()
      .get(a, b);
    db.close();
    const r = run('customers', 'merge', '--keep', a, '--merge', b, '--reason', '测试合并');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).kept.code).toBe(a);
    const after = open();
    expect(after.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(orders);
    expect(
      after
        .prepare('SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.code = ?')
        .pluck()
        .get(a),
    ).toBe(ofBoth);
    after.close();
    expect(run('customers', 'merge', '--keep', a).status).toBe(2);
    const missing = run('customers', 'merge', '--keep', a, '--merge', 'NOPE', '--reason', 'x');
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('customers/not-found');
  });
});
