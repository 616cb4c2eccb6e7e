import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../src-main/contract';
import { seedSalesCompany } from '../support/sales-fixture';
import { tmpDir, tmpWorkspace } from '../support/workspace';

let n = 0;
const draft = (over: Partial<Input<'contracts/create'>> = {}): Input<'contracts/create'> => {
  const amount = over.amount ?? 100_000;
  return {
    contractNo: `HT-${++n}`,
    customerId: 1,
    ownerId: 2,
    amount,
    instalments: [{ dueDate: '2026-09-30', amount }],
    ...over,
  };
};

async function company() {
  const w = tmpWorkspace();
  seedSalesCompany(w.ws.db);
  return w;
}

const fullChecklist = { price: true, payment: true, delivery: true, penalty: true, legal: true };

describe('P3.3 approval rules at and around each threshold (manager above 10% or ¥500,000 or non-standard payment; second approver above 20% or ¥2,000,000)', () => {
  it.each([
    ['discount exactly 10%', { amount: 90_000, listAmount: 100_000 }, 'standard', []],
    ['discount 10.01%', { amount: 89_990, listAmount: 100_000 }, 'manager', ['discount']],
    ['amount exactly ¥500,000', { amount: 500_000 }, 'standard', []],
    ['amount ¥500,000.01', { amount: 500_000.01 }, 'manager', ['amount']],
    ['non-standard payment terms', { standardPayment: false }, 'manager', ['payment']],
    ['discount exactly 20%', { amount: 80_000, listAmount: 100_000 }, 'manager', ['discount']],
    ['discount 20.01%', { amount: 79_990, listAmount: 100_000 }, 'second', ['discount', 'second-discount']],
    ['amount exactly ¥2,000,000', { amount: 2_000_000 }, 'manager', ['amount']],
    ['amount ¥2,000,000.01', { amount: 2_000_000.01 }, 'second', ['amount', 'second-amount']],
  ] as const)('%s → %s', async (_name, over, level, reasons) => {
    const { call } = await company();
    const c = await call('contracts/create', draft(over));
    expect(c.rule).toMatchObject({ level, reasons });
    expect(c.rule.pending).toEqual(level === 'second' ? ['manager', 'second'] : ['manager']);
  });

  it('the thresholds come from Settings', async () => {
    const { call } = await company();
    await call('contracts/set-settings', { managerAmount: 50_000 });
    expect((await call('contracts/create', draft({ amount: 50_000.01 }))).rule.level).toBe('manager');
  });
});

describe('P3.3 review and approval', () => {
  it('a manager-level contract: checklist first, never by its owner, then by the owner’s manager; audited with the rule', async () => {
    const { ws, call, attempt } = await company();
    const c = await call('contracts/create', draft({ amount: 600_000 }));
    await call('contracts/submit', { contract: c.contractNo });
    expect(await attempt('contracts/approve', { contract: c.contractNo, as: 'M1' })).toMatchObject({
      ok: false,
      error: { code: 'contracts/checklist-incomplete' },
    });
    await call('contracts/checklist', { contract: c.contractNo, items: fullChecklist });
    const own = await attempt('contracts/approve', { contract: c.contractNo, as: 'S1' });
    expect(own).toMatchObject({ ok: false, error: { code: 'contracts/own-approval' } });
    expect(!own.ok && own.error.message).toContain('may not approve it');
    const ownZh = await attempt('contracts/approve', { contract: c.contractNo, as: 'S1' }, 'zh-CN');
    expect(!ownZh.ok && ownZh.error.message).toContain('不能审批自己的合同');
    expect(ws.db.prepare('SELECT count(*) FROM contract_approvals').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT status FROM contracts WHERE id = ?').pluck().get(c.id)).toBe('in_review');
    expect(await attempt('contracts/approve', { contract: c.contractNo, as: 'S2' })).toMatchObject({
      ok: false,
      error: { code: 'contracts/needs-manager' },
    });
    const ok = await call('contracts/approve', { contract: c.contractNo, as: 'M1' });
    expect(ok).toMatchObject({ status: 'approved', approvals: [{ role: 'manager', approver: 'M1 王经理' }] });
    const trail = ws.db
      .prepare(
        "SELECT field, reason FROM audit_log WHERE entity = 'contract' AND entity_id = ? AND field LIKE 'approval%'",
      )
      .all(String(c.id));
    expect(trail).toEqual([{ field: 'approval:manager', reason: 'rule: manager (amount); approver M1' }]);
  });

  it('above the higher threshold the second approver named in Settings signs after the manager', async () => {
    const { call, attempt } = await company();
    const c = await call('contracts/create', draft({ amount: 2_500_000 }));
    await call('contracts/checklist', { contract: c.contractNo, items: fullChecklist });
    await call('contracts/submit', { contract: c.contractNo });
    // without --as, the manager of the owner approves the manager's step
    expect(await call('contracts/approve', { contract: c.contractNo })).toMatchObject({
      status: 'in_review',
      rule: { pending: ['second'] },
    });
    expect(await attempt('contracts/approve', { contract: c.contractNo })).toMatchObject({
      ok: false,
      error: { code: 'contracts/no-second-approver' },
    });
    await call('contracts/set-settings', { secondApprover: 'D1' });
    expect(await attempt('contracts/approve', { contract: c.contractNo, as: 'M1' })).toMatchObject({
      ok: false,
      error: { code: 'contracts/same-approver' },
    });
    expect(await attempt('contracts/approve', { contract: c.contractNo, as: 'M2' })).toMatchObject({
      ok: false,
      error: { code: 'contracts/needs-second-approver' },
    });
    expect(await call('contracts/approve', { contract: c.contractNo, as: 'D1' })).toMatchObject({
      status: 'approved',
      rule: { pending: [] },
    });
  });

  it('a standard contract may be approved by any reviewer but its owner; then signed, in force, completed', async () => {
    const { call, attempt } = await company();
    const c = await call('contracts/create', draft({ amount: 100_000 }));
    await call('contracts/checklist', { contract: c.id, items: fullChecklist });
    await call('contracts/submit', { contract: c.id });
    await call('contracts/approve', { contract: c.id, as: 'S2' });
    expect(await attempt('contracts/set-status', { contract: c.id, status: 'completed' })).toMatchObject({
      ok: false,
      error: { code: 'contracts/bad-transition' },
    });
    await call('contracts/set-status', { contract: c.id, status: 'signed', date: '2026-07-01' });
    await call('contracts/set-status', { contract: c.id, status: 'in_force' });
    expect(await attempt('contracts/set-status', { contract: c.id, status: 'terminated' })).toMatchObject({
      ok: false,
      error: { code: 'contracts/reason-needed' },
    });
    expect(await call('contracts/set-status', { contract: c.id, status: 'completed' })).toMatchObject({
      status: 'completed',
      signedDate: '2026-07-01',
    });
  });

  it('refuses instalments that do not add up to the amount, and writes nothing', async () => {
    const { ws, attempt } = await company();
    const r = await attempt(
      'contracts/create',
      draft({
        amount: 100_000,
        instalments: [
          { dueDate: '2026-08-01', amount: 30_000 },
          { dueDate: '2026-09-01', amount: 69_999.99 },
        ],
      }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'contracts/instalments-sum' } });
    expect(!r.ok && r.error.message).toContain('add up to ¥99999.99, but the contract amount is ¥100000.00');
    const zh = await attempt(
      'contracts/create',
      draft({ amount: 100_000, instalments: [{ dueDate: '2026-08-01', amount: 1 }] }),
      'zh-CN',
    );
    expect(!zh.ok && zh.error.message).toContain('必须相等');
    expect(ws.db.prepare('SELECT count(*) FROM contracts').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM contract_instalments').pluck().get()).toBe(0);
  });

  it('receivables (due and overdue instalments of signed contracts) and the renewal list (ending within 90 days)', async () => {
    const { call } = await company();
    const c = await call(
      'contracts/create',
      draft({
        amount: 90_000,
        startDate: '2026-01-01',
        endDate: '2026-10-15',
        instalments: [
          { dueDate: '2026-06-30', amount: 30_000 },
          { dueDate: '2026-07-20', amount: 30_000 },
          { dueDate: '2026-12-31', amount: 30_000 },
        ],
      }),
    );
    const other = await call('contracts/create', draft({ endDate: '2027-06-30' }));
    for (const id of [c.id, other.id]) {
      await call('contracts/checklist', { contract: id, items: fullChecklist });
      await call('contracts/submit', { contract: id });
      await call('contracts/approve', { contract: id, as: 'M1' });
      await call('contracts/set-status', { contract: id, status: 'signed', date: '2026-01-01' });
    }
    await call('contracts/pay', { contract: c.id, seq: 1, paidDate: '2026-06-29' });
    const due = await call('contracts/receivables', { asOf: '2026-07-25', withinDays: 30 });
    expect(due.map((r) => [r.contractNo, r.seq, r.state, r.overdueDays])).toEqual([[c.contractNo, 2, 'overdue', 5]]);
    expect(
      (await call('contracts/receivables', { asOf: '2026-09-01', withinDays: 30 })).map((r) => [
        r.contractNo,
        r.dueDate,
      ]),
    ).toEqual([
      [c.contractNo, '2026-07-20'],
      [other.contractNo, '2026-09-30'],
    ]);
    expect((await call('contracts/renewals', { asOf: '2026-07-20' })).map((r) => r.contractNo)).toEqual([c.contractNo]); // 87 days
    expect(await call('contracts/renewals', { asOf: '2026-07-16' })).toEqual([]); // 91 days
  });

  it('keeps a signed scan in the data folder under its hash', async () => {
    const { ws, call, attempt } = await company();
    const c = await call('contracts/create', draft());
    const file = path.join(tmpDir('wb-scan-'), '签字版.pdf');
    fs.writeFileSync(file, '%PDF-1.4 signed');
    const withScan = await call('contracts/attach', { contract: c.id, file: { path: file } });
    const sha = createHash('sha256').update('%PDF-1.4 signed').digest('hex');
    expect(withScan.files).toMatchObject([{ name: '签字版.pdf', sha256: sha, bytes: 15 }]);
    expect(fs.readFileSync(path.join(ws.dataDir, withScan.files[0].path), 'utf8')).toBe('%PDF-1.4 signed');
    const txt = path.join(path.dirname(file), 'notes.txt');
    fs.writeFileSync(txt, 'x');
    expect(await attempt('contracts/attach', { contract: c.id, file: { path: txt } })).toMatchObject({
      ok: false,
      error: { code: 'contracts/scan-type' },
    });
  });
});
