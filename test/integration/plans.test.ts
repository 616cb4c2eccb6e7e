import { describe, expect, it } from 'vitest';
import { addOrder, seedOrg } from '../support/targets-org';
import { tmpWorkspace } from '../support/workspace';

// P2.5, P2.6, P1.3 plans and activities; P2.6 gap-driven suggestions; P1.5, P2.3 market; P2.4 strategy.

function customer(db: import('better-sqlite3').Database, name: string, owner: number, every: number | null = null) {
  return Number(
    db
      .prepare("INSERT INTO customers (name, owner_id, visit_interval_days, created_at) VALUES (?, ?, ?, '2024-01-01')")
      .run(name, owner, every).lastInsertRowid,
  );
}
function order(db: import('better-sqlite3').Database, sid: number, cid: number, date: string, yuan: number) {
  const n = db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  db.prepare('INSERT INTO orders (order_no, date, salesperson_id, customer_id, amount) VALUES (?, ?, ?, ?, ?)').run(
    `S${n + 1}`,
    date,
    sid,
    cid,
    yuan * 100,
  );
}

describe('sales plans and suggestions', () => {
  it('P2.6 suggestions on a hand-built case: the gap, and customers ranked by the yuan at stake', async () => {
    const w = tmpWorkspace();
    const db = w.ws.db;
    const { people } = seedOrg(db, [2]);
    const [a, b] = people;
    await w.call('targets/set', { year: 2026, amount: 120_000, person: a.employeeNo, month: 6 });
    await w.call('targets/set', { year: 2026, amount: 10_000, person: b.employeeNo, month: 6 });
    const big = customer(db, '大客户', a.id);
    const small = customer(db, '小客户', a.id);
    const steady = customer(db, '稳定客户', a.id);
    const due = customer(db, '久未拜访', a.id, 30);
    const bigA = customer(db, 'A客户工单', a.id);
    const smallB = customer(db, 'B客户工单', a.id);
    // P4.2 cadence and P4.3 care read the customer's grade: the A customers are the big ones
    db.prepare("UPDATE customers SET grade = 'A' WHERE id IN (?, ?)").run(due, bigA);
    db.prepare("UPDATE customers SET grade = 'B' WHERE id = ?").run(smallB);
    order(db, a.id, bigA, '2026-02-01', 2_000);
    order(db, a.id, smallB, '2026-02-01', 9_000);
    const ticket = db.prepare(
      "INSERT INTO tickets (ticket_no, customer_id, department, opened_date, status) VALUES (?, ?, '售后', '2026-06-20', ?)",
    );
    const openA = Number(ticket.run('T-A', bigA, 'new').lastInsertRowid);
    ticket.run('T-B', smallB, 'in_progress'); // a B customer's ticket: not a big customer
    ticket.run('T-A2', bigA, 'closed'); // closed: nothing to do
    // bigA was visited within its cadence and greeted for the Dragon Boat Festival (19 June 2026); due was not
    db.prepare(
      "INSERT INTO interactions (customer_id, staff_id, date, kind, occasion) VALUES (?, ?, '2026-06-20', 'visit', NULL), (?, ?, '2026-06-18', 'care', 'duanwu')",
    ).run(bigA, a.id, bigA, a.id);
    // last June: big 50,000, small 8,000, steady 5,000; this June to the 30th: big 20,000, small 0, steady 6,000
    order(db, a.id, big, '2025-06-10', 50_000);
    order(db, a.id, small, '2025-06-12', 8_000);
    order(db, a.id, steady, '2025-06-15', 5_000);
    order(db, a.id, big, '2026-06-08', 20_000);
    order(db, a.id, steady, '2026-06-09', 6_000);
    order(db, a.id, due, '2026-01-09', 3_000);
    addOrder(db, b.id, '2026-06-30', 12_000);
    db.prepare("INSERT INTO interactions (customer_id, staff_id, date, kind) VALUES (?, ?, '2026-03-01', 'visit')").run(
      due,
      a.id,
    );
    const r = await w.call('plans/suggestions', { period: '2026-06' });
    expect(r.asOf).toBe('2026-06-30');
    // B is ahead (12,000 of 10,000): only A, 120,000 − 26,000 = 94,000 behind
    expect(r.people.map((p) => [p.employeeNo, p.target, p.actual, p.gap])).toEqual([
      [a.employeeNo, 120_000, 26_000, 94_000],
    ]);
    // ranked by the yuan at stake (orders lost, or the customer's sales of the last twelve months)
    expect(r.people[0].suggestions.map((s) => [s.kind, s.customer, s.value])).toEqual([
      ['orders-fell', '大客户', 30_000],
      ['orders-fell', '小客户', 8_000],
      ['care-overdue', '久未拜访', 3_000],
      ['visit-overdue', '久未拜访', 3_000],
      ['ticket-open', 'A客户工单', 2_000],
    ]);
    const byKind = Object.fromEntries(r.people[0].suggestions.map((s) => [s.kind, s]));
    expect(byKind['care-overdue'].detail).toMatchObject({ date: '2026-06-19', missed: 1 });
    expect(byKind['visit-overdue'].detail).toMatchObject({ lastVisit: '2026-03-01', due: '2026-03-31' });
    expect(byKind['ticket-open'].key).toBe(`ticket-open:${openA}`);
    // one click on the overdue greeting: a planned follow-up for that customer
    const care = await w.call('plans/take-suggestion', {
      period: '2026-06',
      person: a.employeeNo,
      key: byKind['care-overdue'].key,
      date: '2026-06-30',
    });
    expect(care).toMatchObject({ kind: 'follow-up', status: 'planned', customer: '久未拜访', date: '2026-06-30' });
    // one click: the first becomes a planned visit under A's plan of June (made for it)
    const act = await w.call('plans/take-suggestion', {
      period: '2026-06',
      person: a.employeeNo,
      key: r.people[0].suggestions[0].key,
    });
    expect(act).toMatchObject({ kind: 'visit', status: 'planned', customer: '大客户', source: `orders-fell:${big}` });
    const again = await w.call('plans/suggestions', { period: '2026-06' });
    expect(again.people[0].suggestions[0].taken).toBe(true);
    const twice = await w.attempt('plans/take-suggestion', {
      period: '2026-06',
      person: a.employeeNo,
      key: r.people[0].suggestions[0].key,
    });
    expect(twice.ok === false && twice.error.code).toBe('plans/suggestion-taken');
    const plans = await w.call('plans/list', { period: '2026-06' });
    expect(plans).toHaveLength(1);
    expect(plans[0].progress).toMatchObject({ activities: 2, done: 0, actualSales: 26_000 });
  });

  it('P2.5 a plan with budget and activities: plan against done', async () => {
    const w = tmpWorkspace();
    const { people } = seedOrg(w.ws.db, [2]);
    const plan = await w.call('plans/save', {
      period: '2026Q3',
      team: 'Team 1',
      channels: ['direct', 'exhibitions'],
      budget: 50_000,
      expectedSales: 800_000,
      methods: '展会 + 拜访',
    });
    expect(plan).toMatchObject({
      period: '2026Q3',
      team: 'Team 1',
      channels: ['direct', 'exhibitions'],
      budget: 50_000,
      expectedSales: 800_000,
    });
    await w.call('plans/activity-save', {
      planId: plan.id,
      owner: people[0].employeeNo,
      date: '2026-07-10',
      kind: 'trade-show',
      title: '上海展',
      status: 'done',
      budget: 30_000,
      spent: 28_500.5,
      creditedSales: 120_000,
    });
    await w.call('plans/activity-save', {
      planId: plan.id,
      date: '2026-08-10',
      kind: 'online',
      title: '直播',
      budget: 10_000,
    });
    addOrder(w.ws.db, people[1].id, '2026-08-01', 70_000);
    const [p] = await w.call('plans/list', { period: '2026Q3' });
    expect(p.progress).toEqual({
      activities: 2,
      done: 1,
      cancelled: 0,
      spent: 28_500.5,
      creditedSales: 120_000,
      actualSales: 70_000,
    });
    const bad = await w.attempt('plans/save', { period: '2026Q5' }, 'zh-CN');
    expect(bad.ok === false && bad.error.message).toContain('YYYYQn');
    const who = await w.attempt('plans/save', { period: '2026-07', person: 'NOPE' });
    expect(who.ok === false && who.error.code).toBe('plans/unknown-person');
    expect(w.ws.db.prepare('SELECT count(*) FROM sales_plans').pluck().get()).toBe(1);
  });

  it('P2.4 discount bands: the one check contract approval uses', async () => {
    const w = tmpWorkspace();
    await w.call('strategy/save', {
      year: 2026,
      productLine: '工业泵',
      positioning: '中高端',
      listPrice: 12_000,
      discountBands: [
        { maxDiscountPct: 5, approver: 'salesperson' },
        { maxDiscountPct: 12, approver: 'manager' },
        { maxDiscountPct: 20, approver: 'director' },
      ],
    });
    const check = (discountPct: number) =>
      w.call('strategy/discount-check', { year: 2026, productLine: '工业泵', discountPct });
    expect(await check(5)).toMatchObject({ allowed: true, approver: 'salesperson' });
    expect(await check(5.5)).toMatchObject({ allowed: true, approver: 'manager' });
    expect(await check(25)).toMatchObject({ allowed: false, approver: null, strategy: true });
    expect(
      await w.call('strategy/discount-check', { year: 2027, productLine: '工业泵', discountPct: 1 }),
    ).toMatchObject({ strategy: false, allowed: false });
    const bad = await w.attempt('strategy/save', {
      year: 2026,
      productLine: 'X',
      discountBands: [
        { maxDiscountPct: 10, approver: 'manager' },
        { maxDiscountPct: 5, approver: 'director' },
      ],
    });
    expect(bad.ok === false && bad.error.code).toBe('request/invalid-input');
    expect((await w.call('strategy/list', { year: 2026 })).map((s) => s.productLine)).toEqual(['工业泵']);
  });

  it('P1.5, P2.3 competitors and market news tied to a target year', async () => {
    const w = tmpWorkspace();
    const c = await w.call('market/competitor-save', {
      name: '某泵业',
      shares: { 华东: 18, 华南: 9 },
      strengths: '价格低',
    });
    expect(c.shares).toEqual({ 华东: 18, 华南: 9 });
    const dup = await w.attempt('market/competitor-save', { name: '某泵业' });
    expect(dup.ok === false && dup.error.code).toBe('market/competitor-exists');
    await w.call('market/news-save', {
      date: '2026-03-02',
      source: '行业周刊',
      region: '华东',
      note: '某泵业降价 8%',
      competitorId: c.id,
      year: 2026,
      link: 'https://example.com/a',
    });
    const link = await w.attempt('market/news-save', { date: '2026-03-02', note: 'x', link: 'not a link' });
    expect(link.ok === false && link.error.code).toBe('request/invalid-input');
    const news = await w.call('market/news', { year: 2026 });
    expect(news.map((n) => [n.competitor, n.note])).toEqual([['某泵业', '某泵业降价 8%']]);
  });

  it('P1.5, P2.3 a competitor shows the deals lost to it; a news item is tied to a lost deal, and only to one', async () => {
    const w = tmpWorkspace();
    const db = w.ws.db;
    const { people } = seedOrg(db, [1]);
    const cust = customer(db, '华东水务', people[0].id);
    const opp = db.prepare(
      'INSERT INTO opportunities (customer_id, staff_id, title, stage, amount, competitor, lost_reason, stage_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const lost1 = Number(
      opp.run(cust, people[0].id, '泵站改造', 'lost', 80_000_00, '某泵业', '价格偏高', '2026-04-10T09:00')
        .lastInsertRowid,
    );
    // the name as the salesperson typed it: other case and spaces still match the record
    const lost2 = Number(
      opp.run(cust, people[0].id, '二期扩容', 'lost', 20_000_00, ' 某泵业 ', null, '2026-05-02T10:00').lastInsertRowid,
    );
    opp.run(cust, people[0].id, '别家的', 'lost', 5_000_00, '另一家', null, '2026-05-03T10:00');
    const open = Number(
      opp.run(cust, people[0].id, '新项目', 'proposal', 9_000_00, null, null, '2026-05-01T10:00').lastInsertRowid,
    );
    const c = await w.call('market/competitor-save', { name: '某泵业' });
    expect(c.lost).toMatchObject({ count: 2, amount: 100_000 });
    expect(c.lost.opportunities.map((o) => [o.id, o.date, o.customer, o.amount, o.reason])).toEqual([
      [lost2, '2026-05-02', '华东水务', 20_000, null],
      [lost1, '2026-04-10', '华东水务', 80_000, '价格偏高'],
    ]);
    expect((await w.call('market/competitors', {})).find((x) => x.id === c.id)?.lost.count).toBe(2);
    expect((await w.call('market/lost-opportunities', { competitorId: c.id })).map((o) => o.id)).toEqual([
      lost2,
      lost1,
    ]);
    expect(await w.call('market/lost-opportunities', { year: 2025 })).toEqual([]);
    const item = await w.call('market/news-save', {
      date: '2026-04-12',
      note: '某泵业华东降价 8%，泵站改造项目因此丢单',
      competitorId: c.id,
      opportunityId: lost1,
    });
    expect(item).toMatchObject({ opportunityId: lost1, opportunity: '泵站改造', competitor: '某泵业' });

    // bad input: an opportunity still open, one that does not exist, an unknown competitor; nothing written
    const before = db.prepare('SELECT count(*) FROM market_news').pluck().get();
    for (const [input, code] of [
      [{ opportunityId: open }, 'market/opportunity-not-lost'],
      [{ opportunityId: 9999 }, 'market/opportunity-not-found'],
      [{ competitorId: 9999 }, 'market/competitor-not-found'],
    ] as const) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const r = await w.attempt('market/news-save', { date: '2026-04-12', note: 'x', ...input }, lang);
        expect(r.ok === false && r.error.code).toBe(code);
        expect(r.ok === false && r.error.message).toMatch(lang === 'en' ? /does not exist|not lost/ : /不存在|丢单/);
      }
    }
    expect(db.prepare('SELECT count(*) FROM market_news').pluck().get()).toBe(before);
    const none = await w.attempt('market/lost-opportunities', { competitorId: 9999 });
    expect(none.ok === false && none.error.code).toBe('market/competitor-not-found');
  });
});
