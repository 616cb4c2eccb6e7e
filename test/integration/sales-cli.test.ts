import { beforeAll, describe, expect, it } from 'vitest';
import { seedSalesCompany } from '../support/sales-fixture';
import { cli } from '../support/cli';
import { tmpWorkspace } from '../support/workspace';

let dir: string;
beforeAll(async () => {
  const w = tmpWorkspace();
  dir = w.dir;
  seedSalesCompany(w.ws.db);
  await w.call('opportunities/create', {
    title: '门禁改造',
    customerId: 1,
    staffId: 2,
    stage: 'negotiation',
    amount: 200_000,
    expectedDate: '2026-08-15',
  });
  const full = { price: true, payment: true, delivery: true, penalty: true, legal: true };
  for (const [no, amount] of [
    ['HT-1', 600_000],
    ['HT-2', 100_000],
  ] as const) {
    await w.call('contracts/create', {
      contractNo: no,
      customerId: 1,
      ownerId: 2,
      amount,
      instalments: [{ dueDate: '2026-09-30', amount }],
    });
    await w.call('contracts/checklist', { contract: no, items: full });
    await w.call('contracts/submit', { contract: no });
  }
  const t = await w.call('tickets/create', {
    customerId: 1,
    severity: 'critical',
    department: '售后服务部',
    openedAt: '2026-03-02T09:00',
  });
  await w.call('tickets/transition', { id: t.id, to: 'resolved', at: '2026-03-02T12:00' });
  w.ws.close();
}, 60_000);

describe('P2.6, P3.3, P4.6 on the command line (cli.md)', () => {
  it('pipeline coverage --json has the people with target, actual, gap, weighted pipeline and coverage', () => {
    const r = cli(['--data-dir', dir, '--json', 'pipeline', 'coverage', '--year', '2026', '--quarter', '3']);
    expect(r.status, r.stderr).toBe(0);
    const s1 = JSON.parse(r.stdout).people.find((p: { employeeNo: string }) => p.employeeNo === 'S1');
    // 300,000 − 120,000 = 180,000; 200,000 × 60% = 120,000 → 0.67
    expect(s1).toMatchObject({
      employeeNo: 'S1',
      target: 300_000,
      actual: 120_000,
      gap: 180_000,
      weightedPipeline: 120_000,
      coverage: 0.67,
    });
    const text = cli(['--data-dir', dir, 'pipeline', 'coverage', '--year', '2026', '--quarter', '3']);
    expect(text.stdout).toContain('0.67× !');
    expect(cli(['--data-dir', dir, 'pipeline', 'coverage']).status).toBe(2);
  });

  it('contracts approve: refused (exit 1) by the owner or when the rule needs the manager; the manager approves', () => {
    const own = cli(['--data-dir', dir, 'contracts', 'approve', '--contract', 'HT-1', '--as', 'S1']);
    expect(own.status).toBe(1);
    expect(own.stderr).toContain('may not approve it');
    const zh = cli(['--data-dir', dir, '--lang', 'zh-CN', 'contracts', 'approve', '--contract', 'HT-1', '--as', 'S2']);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('须由负责人的上级 M1 王经理 审批');
    const ok = cli(['--data-dir', dir, '--json', 'contracts', 'approve', '--contract', 'HT-1', '--as', 'M1']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      contractNo: 'HT-1',
      status: 'approved',
      rule: { level: 'manager', reasons: ['amount'] },
    });
    const std = cli(['--data-dir', dir, 'contracts', 'approve', '--contract', 'HT-2']);
    expect(std.status, std.stderr).toBe(0);
    expect(std.stdout).toContain('HT-2');
    expect(cli(['--data-dir', dir, 'contracts', 'approve']).status).toBe(2);
  });

  it('tickets sla --json has the shape cli.md gives', () => {
    const r = cli(['--data-dir', dir, '--json', 'tickets', 'sla', '--from', '2026-03-01', '--to', '2026-03-31']);
    expect(r.status, r.stderr).toBe(0);
    const q = JSON.parse(r.stdout);
    expect(q).toMatchObject({
      tickets: 1,
      withinTargetPct: 100,
      medianResolutionHours: 3,
      p90ResolutionHours: 3,
      complaintsPer100Orders: 0,
    });
    expect(q.byDepartment).toEqual([
      expect.objectContaining({ department: '售后服务部', tickets: 1, withinTargetPct: 100 }),
    ]);
    expect(cli(['--data-dir', dir, 'tickets', 'sla', '--from', '2026-13-01', '--to', '2026-03-31']).status).toBe(1);
  });
});
