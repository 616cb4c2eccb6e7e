import { describe, expect, it } from 'vitest';
import { seedSalesCompany } from '../support/sales-fixture';
import { tmpWorkspace } from '../support/workspace';

async function company() {
  const w = tmpWorkspace();
  seedSalesCompany(w.ws.db);
  const opp = (
    title: string,
    staffId: number,
    stage: 'needs' | 'proposal' | 'demo' | 'negotiation' | 'contract' | 'won' | 'lost',
    amount: number | null,
    expectedDate: string,
  ) =>
    w.call('opportunities/create', { title, customerId: staffId === 5 ? 2 : 1, staffId, stage, amount, expectedDate });
  await opp('门禁改造', 2, 'negotiation', 200_000, '2026-08-15'); // 60% → 120,000
  await opp('园区监控', 2, 'demo', 100_000, '2026-09-30'); // 40% → 40,000
  await opp('总部新楼', 2, 'needs', 500_000, '2026-10-05'); // after Q3: not counted
  await opp('二期扩容', 2, 'won', 80_000, '2026-08-01'); // won: already an order, not pipeline
  await opp('分公司', 3, 'proposal', 100_000, '2026-09-01'); // 25% → 25,000
  await opp('医院项目', 5, 'contract', 300_000, '2026-07-20'); // 80% → 240,000
  return w;
}

describe('P2.6, P3.1 pipeline against the target', () => {
  it('weights each stage by its probability and compares it with the remaining gap (hand-computed)', async () => {
    const { call } = await company();
    const c = await call('pipeline/coverage', { year: 2026, quarter: 3 });
    expect(c.threshold).toBe(3);
    const person = (no: string) => c.people.find((p) => p.employeeNo === no)!;
    // S1: target 300,000 − orders 120,000 = gap 180,000; weighted 120,000 + 40,000 = 160,000; 160/180 = 0.89 < 3
    expect(person('S1')).toMatchObject({
      target: 300_000,
      actual: 120_000,
      gap: 180_000,
      weightedPipeline: 160_000,
      coverage: 0.89,
      warning: true,
    });
    // S2 beat the target: nothing left to cover
    expect(person('S2')).toMatchObject({
      target: 200_000,
      actual: 250_000,
      gap: 0,
      weightedPipeline: 25_000,
      coverage: null,
      warning: false,
    });
    // S3: gap 150,000, weighted 240,000 → 1.6
    expect(person('S3')).toMatchObject({ gap: 150_000, weightedPipeline: 240_000, coverage: 1.6, warning: true });
    // team 华东区: target 500,000, orders 370,000, gap 130,000, weighted 185,000 → 1.42
    expect(c.teams.find((t) => t.name === '华东区')).toMatchObject({
      target: 500_000,
      actual: 370_000,
      gap: 130_000,
      weightedPipeline: 185_000,
      coverage: 1.42,
    });
    // company: 650,000 − 370,000 = 280,000; 425,000 / 280,000 = 1.52
    expect(c.company).toMatchObject({
      target: 650_000,
      actual: 370_000,
      gap: 280_000,
      weightedPipeline: 425_000,
      coverage: 1.52,
      warning: true,
    });
  });

  it('uses the probabilities and threshold the company set', async () => {
    const { call } = await company();
    await call('pipeline/set-settings', { probabilities: { negotiation: 50 }, coverageThreshold: 0.5 });
    const c = await call('pipeline/coverage', { year: 2026, quarter: 3 });
    // S1: 200,000 × 50% + 100,000 × 40% = 140,000; 140/180 = 0.78 ≥ 0.5
    expect(c.people.find((p) => p.employeeNo === 'S1')).toMatchObject({
      weightedPipeline: 140_000,
      coverage: 0.78,
      warning: false,
    });
    const board = await call('opportunities/board', { teamId: 1 });
    expect(board.map((col) => col.stage)).toEqual([
      'needs',
      'proposal',
      'demo',
      'negotiation',
      'contract',
      'won',
      'lost',
    ]);
    expect(board.find((col) => col.stage === 'negotiation')).toMatchObject({
      probability: 50,
      count: 1,
      total: 200_000,
      weighted: 100_000,
    });
    expect(board.find((col) => col.stage === 'contract')!.count).toBe(0); // 华南区's deal is not on 华东区's board
  });

  it('keeps the stage history with who moved it; a won deal links to its order; a lost one keeps reason and competitor', async () => {
    const { call } = await company();
    const o = await call('opportunities/create', {
      title: '学校项目',
      customerId: 1,
      staffId: 2,
      amount: 50_000,
      expectedDate: '2026-09-10',
    });
    await call('opportunities/move', { id: o.id, stage: 'proposal' });
    await call('opportunities/move', { id: o.id, stage: 'demo' });
    const won = await call('opportunities/move', { id: o.id, stage: 'won', orderNo: 'O1' });
    expect(won).toMatchObject({ stage: 'won', probability: 100, weighted: 50_000, orderNo: 'O1' });
    const history = await call('opportunities/history', { id: o.id });
    expect(history.map((h) => [h.from, h.to, h.actor])).toEqual([
      [null, 'needs', 'tester'],
      ['needs', 'proposal', 'tester'],
      ['proposal', 'demo', 'tester'],
      ['demo', 'won', 'tester'],
    ]);
    const lost = await call('opportunities/create', { title: '酒店项目', customerId: 1, staffId: 2, amount: 10_000 });
    expect(
      await call('opportunities/move', { id: lost.id, stage: 'lost', lostReason: '价格', competitor: '海康威视' }),
    ).toMatchObject({ stage: 'lost', lostReason: '价格', competitor: '海康威视', weighted: 0 });
  });

  it('P3.2 demo preparation: the product line’s checklist template, attendees and outcome', async () => {
    const { call } = await company();
    await call('pipeline/set-settings', { demoTemplates: { 门禁: ['门禁样机', '读卡器', '演示账号'] } });
    const demo = await call('opportunities/set-demo', {
      id: 1,
      demoDate: '2026-08-05',
      productLine: '门禁',
      attendees: ['张伟', '技术支持 赵工'],
    });
    expect(demo.checklist).toEqual([
      { item: '门禁样机', done: false },
      { item: '读卡器', done: false },
      { item: '演示账号', done: false },
    ]);
    const done = await call('opportunities/set-demo', {
      id: 1,
      demoDate: '2026-08-05',
      productLine: '门禁',
      checklist: demo.checklist.map((c) => ({ ...c, done: true })),
      attendees: ['张伟'],
      outcome: '客户认可，进入商务谈判',
    });
    expect(done).toMatchObject({ outcome: '客户认可，进入商务谈判', attendees: ['张伟'] });
    expect(await call('opportunities/demo', { id: 1 })).toEqual(done);
  });

  it('refuses a won opportunity without an amount, in both languages, and writes nothing', async () => {
    const { ws, call, attempt } = await company();
    const o = await call('opportunities/create', { title: '无金额', customerId: 1, staffId: 2 });
    const count = () =>
      ws.db.prepare('SELECT count(*) FROM opportunity_stage_history WHERE opportunity_id = ?').pluck().get(o.id);
    const before = count();
    const en = await attempt('opportunities/move', { id: o.id, stage: 'won' });
    expect(en).toMatchObject({ ok: false, error: { code: 'pipeline/won-without-amount' } });
    expect(!en.ok && en.error.message).toContain('cannot be won without an amount');
    const zh = await attempt('opportunities/move', { id: o.id, stage: 'won' }, 'zh-CN');
    expect(!zh.ok && zh.error.message).toContain('不能标为赢单');
    expect(await attempt('opportunities/create', { title: 'x', customerId: 1, stage: 'won' })).toMatchObject({
      ok: false,
      error: { code: 'pipeline/won-without-amount' },
    });
    expect(await attempt('opportunities/move', { id: o.id, stage: 'lost' })).toMatchObject({
      ok: false,
      error: { code: 'pipeline/lost-without-reason' },
    });
    expect(ws.db.prepare('SELECT stage FROM opportunities WHERE id = ?').pluck().get(o.id)).toBe('needs');
    expect(count()).toBe(before);
    expect(ws.db.prepare("SELECT count(*) FROM opportunities WHERE title = 'x'").pluck().get()).toBe(0);
  });
});
