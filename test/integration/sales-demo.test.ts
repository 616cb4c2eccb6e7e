import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_STATUSES } from '../../src-main/contract/sales-contracts';
import { tmpWorkspace } from '../support/workspace';

let w: ReturnType<typeof tmpWorkspace>;
beforeAll(async () => {
  w = tmpWorkspace();
  await w.call('demo/create', { size: 'small', seed: 7, today: '2026-08-20' });
}, 120_000);

describe('the demo company’s sales process and service (P3.1–P3.3, P4.4–P4.6)', () => {
  it('has a pipeline per seller with some deals stalled for two months or more', async () => {
    const opps = await w.call('opportunities/list', {});
    expect(opps.length).toBeGreaterThan(100);
    const open = opps.filter((o) => !['won', 'lost'].includes(o.stage));
    expect(open.filter((o) => (o.daysInStage ?? 0) >= 60).length).toBeGreaterThan(5);
    expect(opps.filter((o) => o.stage === 'lost').every((o) => o.lostReason && o.competitor)).toBe(true);
    const board = await w.call('opportunities/board', { teamId: 1 });
    expect(board.reduce((t, c) => t + c.count, 0)).toBeGreaterThan(20);
  });

  it('has contracts in every status, a few awaiting approval, instalments adding up to each amount', async () => {
    const contracts = await w.call('contracts/list', {});
    expect(new Set(contracts.map((c) => c.status))).toEqual(new Set(CONTRACT_STATUSES));
    expect(contracts.filter((c) => c.status === 'in_review').length).toBeGreaterThan(2);
    const bad = w.ws.db
      .prepare(
        'SELECT count(*) FROM contracts k WHERE amount <> (SELECT sum(amount) FROM contract_instalments i WHERE i.contract_id = k.id)',
      )
      .pluck()
      .get();
    expect(bad).toBe(0);
    expect((await w.call('contracts/receivables', { asOf: '2026-08-20' })).some((r) => r.state === 'overdue')).toBe(
      true,
    );
    expect(w.ws.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('has a year of tickets with some breaches, and the figures are computed in working hours', async () => {
    const q = await w.call('tickets/sla', { from: '2025-08-21', to: '2026-08-20', asOf: '2026-08-20T18:00' });
    expect(q.tickets).toBeGreaterThan(30);
    expect(q.withinTargetPct).toBeGreaterThan(50);
    expect(q.withinTargetPct).toBeLessThan(100);
    expect(q.byMonth.length).toBeGreaterThanOrEqual(11);
    const open = await w.call('tickets/list', { status: 'waiting', asOf: '2026-08-20T18:00' });
    expect(open.length).toBeGreaterThan(0);
  });
});
