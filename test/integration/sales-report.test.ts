import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesReport } from '../../src-main/contract/sales-report';
import { openWorkbook } from '../../src-main/excel/read-workbook';
import { tmpWorkspace } from '../support/workspace';

// P2.6, P5.6: every figure of the sales report against an independent calculation from the raw rows
// (plain SELECTs of the period's rows, summed here), on the small demo.
const TODAY = '2026-07-15';
const w = tmpWorkspace('en');
type Order = {
  no: string;
  date: string;
  sid: number | null;
  pid: number | null;
  cid: number | null;
  fen: number;
  team: number | null;
};
let orders: Order[] = [];

beforeAll(async () => {
  await w.call('demo/create', { size: 'small', seed: 11, today: TODAY });
  orders = w.ws.db
    .prepare(
      'SELECT o.order_no AS no, o.date, o.salesperson_id AS sid, o.product_id AS pid, o.customer_id AS cid, o.amount AS fen, s.team_id AS team FROM orders o LEFT JOIN staff s ON s.id = o.salesperson_id',
    )
    .all() as Order[];
}, 120_000);
afterAll(() => w.ws.close());

const between = (from: string, to: string, teamId: number | null) =>
  orders.filter((o) => o.date >= from && o.date <= to && (teamId === null || o.team === teamId));
const sumYuan = (os: Order[]) => Math.round(os.reduce((s, o) => s + o.fen, 0)) / 100;
const cell = (scope: string, id: number, year: number, month: number) =>
  (w.ws.db
    .prepare(
      "SELECT amount FROM target_cells WHERE year = ? AND scope = ? AND scope_id = ? AND period = ? AND metric = 'sales'",
    )
    .pluck()
    .get(year, scope, id, `M${month}`) as number | undefined) ?? null;
const close = (a: number | null, b: number | null) =>
  a === null || b === null ? expect(a).toBe(b) : expect(a).toBeCloseTo(b, 6);

/**
 * Resolved within target, read from the Service screen's list (tickets/list: each ticket's service-level state
 * on its own clock) rather than from the report's query.
 */
async function withinTargetFromTickets(from: string, to: string, teamId: number | null): Promise<number | null> {
  const team = new Set(
    teamId === null ? [] : (w.ws.db.prepare('SELECT id FROM staff WHERE team_id = ?').pluck().all(teamId) as number[]),
  );
  const list = (await w.call('tickets/list', { to, asOf: `${to}T23:59` })).filter(
    (x) =>
      x.resolvedAt !== null &&
      x.resolvedAt.slice(0, 10) >= from &&
      x.resolvedAt.slice(0, 10) <= to &&
      x.targetHours !== null &&
      (teamId === null || (x.staffId !== null && team.has(x.staffId))),
  );
  return list.length ? list.filter((x) => x.sla === 'met').length / list.length : null;
}

function checkFigures(r: SalesReport, teamId: number | null) {
  const d = r.data;
  const now = between(d.from, d.to, teamId);
  expect(d.summary.actual).toBe(sumYuan(now));
  expect(d.summary.orders).toBe(new Set(now.map((o) => o.no)).size);
  expect(d.summary.customers).toBe(new Set(now.filter((o) => o.cid !== null).map((o) => o.cid)).size);
  const ly = between(
    `${Number(d.from.slice(0, 4)) - 1}${d.from.slice(4)}`,
    `${Number(d.to.slice(0, 4)) - 1}${d.to.slice(4)}`,
    teamId,
  );
  expect(d.summary.lastYear).toBe(sumYuan(ly));
  close(d.summary.yoy, sumYuan(ly) > 0 ? (sumYuan(now) - sumYuan(ly)) / sumYuan(ly) : null);
  const t = cell(teamId === null ? 'company' : 'team', teamId ?? 0, 2026, 6);
  expect(d.summary.target).toBe(t === null ? null : t / 100);
  close(d.summary.completion, t ? sumYuan(now) / (t / 100) : null);
  // by person: actual, target, completion, last year
  for (const p of d.people) {
    const mine = now.filter((o) => o.sid === p.staffId);
    expect(p.actual, p.employeeNo).toBe(sumYuan(mine));
    expect(p.orders).toBe(new Set(mine.map((o) => o.no)).size);
    const pt = cell('person', p.staffId, 2026, 6);
    expect(p.target).toBe(pt === null ? null : pt / 100);
    expect(p.lastYear).toBe(sumYuan(ly.filter((o) => o.sid === p.staffId)));
  }
  // everyone who sold is listed, and the listed people's sales add up to the orders with a salesperson
  expect(Math.round(d.people.reduce((s, p) => s + p.actual, 0) * 100)).toBe(
    Math.round(sumYuan(now.filter((o) => o.sid !== null)) * 100),
  );
  // by product, with the previous month
  const prev = between('2026-05-01', '2026-05-31', teamId);
  for (const p of d.products) {
    const id = w.ws.db.prepare('SELECT id FROM products WHERE name = ?').pluck().get(p.product) as number;
    expect(p.actual, p.product).toBe(sumYuan(now.filter((o) => o.pid === id)));
    expect(p.previous).toBe(sumYuan(prev.filter((o) => o.pid === id)));
    expect(p.lastYear).toBe(sumYuan(ly.filter((o) => o.pid === id)));
  }
  expect(d.summary.previous).toBe(sumYuan(prev));
  // top and bottom by completion
  const ranked = d.people.filter((p) => p.completion !== null).map((p) => p.completion!);
  expect(d.top.map((p) => p.completion)).toEqual([...ranked].sort((a, b) => b - a).slice(0, 5));
  if (ranked.length >= 10)
    expect(d.bottom.map((p) => p.completion)).toEqual([...ranked].sort((a, b) => a - b).slice(0, 5));
  // tickets and complaints, visits, survey
  const staffIn = (col: string) =>
    teamId === null ? '' : ` AND ${col} IN (SELECT id FROM staff WHERE team_id = ${teamId})`;
  const n = (sql: string) => w.ws.db.prepare(sql).pluck().get(d.from, d.to) as number;
  expect(d.tickets.opened).toBe(
    n(`SELECT count(*) FROM tickets WHERE opened_date >= ? AND opened_date <= ?${staffIn('staff_id')}`),
  );
  expect(d.tickets.complaints).toBe(
    n(
      `SELECT count(*) FROM tickets WHERE complaint = 1 AND opened_date >= ? AND opened_date <= ?${staffIn('staff_id')}`,
    ),
  );
  expect(d.tickets.resolved).toBe(
    n(`SELECT count(*) FROM tickets WHERE resolved_date >= ? AND resolved_date <= ?${staffIn('staff_id')}`),
  );
  // visits done against those still planned (P4.2): each status counted apart
  const visits = (status: string) =>
    n(
      `SELECT count(*) FROM interactions WHERE kind = 'visit' AND status = '${status}' AND date >= ? AND date <= ?${staffIn('staff_id')}`,
    );
  const visitRow = d.activities.interactions.find((x) => x.kind === 'visit');
  expect(visitRow?.count ?? 0).toBe(visits('done'));
  expect(visitRow?.planned ?? 0).toBe(visits('planned'));
  expect(visitRow?.cancelled ?? 0).toBe(visits('cancelled'));
  const responses = n(
    `SELECT count(*) FROM survey_responses WHERE submitted_at >= ? AND submitted_at < date(?, '+1 day')${staffIn('salesperson_id')}`,
  );
  expect(d.survey.responses).toBe(responses);
  const likert = w.ws.db
    .prepare(
      `SELECT a.value_num AS v FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id JOIN survey_responses r ON r.id = a.response_id
       WHERE q.type = 'likert5' AND a.value_num >= 1 AND a.value_num <= 5 AND r.submitted_at >= ? AND r.submitted_at < date(?, '+1 day')${staffIn('r.salesperson_id')}`,
    )
    .pluck()
    .all(d.from, d.to) as number[];
  close(d.survey.satisfaction, likert.length ? likert.reduce((a, b) => a + b, 0) / likert.length : null);
  expect(d.pipeline.hasData).toBe((w.ws.db.prepare('SELECT count(*) FROM opportunities').pluck().get() as number) > 0);
}

describe('sales report (P2.6, P5.6)', () => {
  it('P2.6 a monthly company report: every figure against the raw rows', async () => {
    const r = await w.call('sales-report/generate', { period: '2026-06' });
    expect(r.data.summary.actual).toBeGreaterThan(0);
    expect(r.data.people.length).toBeGreaterThan(5);
    checkFigures(r, null);
    expect(r.data.tickets.resolved).toBeGreaterThan(0);
    close(r.data.tickets.withinTarget, await withinTargetFromTickets(r.data.from, r.data.to, null));
  });

  it('P2.6 a monthly team report: only the team, every figure against the raw rows', async () => {
    const team = w.ws.db.prepare('SELECT id, name FROM teams ORDER BY id LIMIT 1').get() as {
      id: number;
      name: string;
    };
    const r = await w.call('sales-report/generate', { period: '2026-06', team: team.name });
    expect(r.team).toBe(team.name);
    expect(r.data.people.every((p) => p.team === team.name)).toBe(true);
    checkFigures(r, team.id);
    close(r.data.tickets.withinTarget, await withinTargetFromTickets(r.data.from, r.data.to, team.id));
  });

  it("P2.6 a weekly report: the week's target is its months' targets by working days (China's calendar)", async () => {
    // 2026-W27: Mon 29 June – Sun 5 July. June 2026 has 22 weekdays less the Dragon Boat Festival (Fri 19 June) = 21
    // working days, July 23; the week holds 2 of June's and 3 of July's.
    const r = await w.call('sales-report/generate', { period: '2026-W27' });
    expect([r.data.from, r.data.to]).toEqual(['2026-06-29', '2026-07-05']);
    expect(r.data.workingDays).toBe(5);
    const t = (cell('company', 0, 2026, 6)! * 2) / 21 + (cell('company', 0, 2026, 7)! * 3) / 23;
    expect(r.data.summary.target).toBe(Math.round(t) / 100);
    expect(r.data.summary.actual).toBe(sumYuan(between('2026-06-29', '2026-07-05', null)));
    expect(r.data.summary.previous).toBe(sumYuan(between('2026-06-22', '2026-06-28', null)));
  });

  it('P2.6 item 8 a kept report keeps its numbers: new orders and comments later do not change them', async () => {
    const r = await w.call('sales-report/generate', { period: '2026-06' });
    w.ws.db
      .prepare("INSERT INTO orders (order_no, line, date, amount) VALUES ('LATE-1', 1, '2026-06-10', 99999900)")
      .run();
    await w.call('sales-report/comment', { id: r.id, section: 'summary', body: 'A strong month in the east.' });
    const again = await w.call('sales-report/show', { id: r.id });
    expect(again.data).toEqual(r.data);
    expect(again.sectionComments.summary?.body).toBe('A strong month in the east.');
    const fresh = await w.call('sales-report/generate', { period: '2026-06' });
    expect(fresh.data.summary.actual).toBeCloseTo(r.data.summary.actual + 999_999, 2);
    const list = await w.call('sales-report/list', { period: '2026-06' });
    expect(list.map((x) => x.id)).toContain(r.id);
    expect(list.find((x) => x.id === r.id)!.comments).toBe(1);
    w.ws.db.prepare("DELETE FROM orders WHERE order_no = 'LATE-1'").run();
    // an empty comment removes it
    const cleared = await w.call('sales-report/comment', { id: r.id, section: 'summary', body: '' });
    expect(cleared.sectionComments.summary).toBeUndefined();
  });

  it('P2.6 the printed report is A4 portrait with the company header, page numbers and the comments; the workbook has one sheet per section', async () => {
    const r = await w.call('sales-report/generate', { period: '2026-06', lang: 'zh-CN' });
    await w.call('sales-report/comment', { id: r.id, section: 'people', body: '华东区需加强 <跟进>' });
    const { html } = await w.call('sales-report/html', { id: r.id });
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('counter(page)');
    expect(html).toContain('2026-06 销售月报');
    expect(html).toContain('华东区需加强 &lt;跟进&gt;');
    const file = await w.call('sales-report/file', { id: r.id, format: 'xlsx' });
    const book = openWorkbook(Buffer.from(file.base64!, 'base64'), file.name);
    expect(book.sheetNames).toEqual([
      '概要',
      '按销售人员',
      '按产品',
      '前列与靠后',
      '商机',
      '拜访与活动',
      '工单与投诉',
      '满意度调查',
    ]);
    const people = book.readSheet(1);
    expect(JSON.stringify(people)).toContain('华东区需加强 <跟进>');
  });

  it('refuses a week that does not exist, an unknown team and an unknown report, in both languages, writing nothing', async () => {
    const before = w.ws.db.prepare('SELECT count(*) FROM sales_reports').pluck().get();
    const week = await w.attempt('sales-report/generate', { period: '2025-W53' });
    expect(week.ok === false && week.error.code).toBe('sales-report/no-such-week');
    const team = await w.attempt('sales-report/generate', { period: '2026-06', team: '火星区' }, 'zh-CN');
    expect(team.ok === false && team.error.message).toBe('没有名为“火星区”的团队。');
    const bad = await w.attempt('sales-report/generate', { period: '2026-13' });
    expect(bad.ok === false && bad.error.code).toBe('request/invalid-input');
    expect(bad.ok === false && bad.error.message).toContain('YYYY-MM');
    const missing = await w.attempt('sales-report/show', { id: 99999 });
    expect(missing.ok === false && missing.error.code).toBe('sales-report/not-found');
    expect(w.ws.db.prepare('SELECT count(*) FROM sales_reports').pluck().get()).toBe(before);
  });
});
