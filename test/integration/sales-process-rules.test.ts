import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../src-main/contract';
import { dispatch } from '../../src-main/runtime/dispatch';
import { seedSalesCompany } from '../support/sales-fixture';
import { tmpDir, tmpWorkspace } from '../support/workspace';

let n = 0;
const draft = (over: Partial<Input<'contracts/create'>> = {}): Input<'contracts/create'> => {
  const amount = over.amount ?? 100_000;
  return {
    contractNo: `HT-S${++n}`,
    customerId: 1,
    ownerId: 2,
    amount,
    instalments: [{ dueDate: '2026-09-30', amount }],
    startDate: '2026-07-01',
    ...over,
  };
};

async function company(lang: 'en' | 'zh-CN' = 'en') {
  const w = tmpWorkspace(lang);
  seedSalesCompany(w.ws.db);
  // P2.4: the 2026 strategy for 门禁 (the category of product P1): salesperson up to 5%, manager up to 8%,
  // director up to 15%; nothing beyond
  await w.call('strategy/save', {
    year: 2026,
    productLine: '门禁',
    discountBands: [
      { maxDiscountPct: 5, approver: 'salesperson' },
      { maxDiscountPct: 8, approver: 'manager' },
      { maxDiscountPct: 15, approver: 'director' },
    ],
  });
  return w;
}

const count = (w: { ws: { db: import('better-sqlite3').Database } }, table: string) =>
  w.ws.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('P3.3 with P2.4: contract approval checks the strategy’s discount bands through discountApprover', () => {
  it.each([
    // list 100,000; amount → discount; the band that applies by hand; the level the rule then needs
    ['4% (salesperson band): no change', 96_000, 'salesperson', 5, 'standard', []],
    ['exactly 5%: still the salesperson band', 95_000, 'salesperson', 5, 'standard', []],
    ['6% (manager band): the manager', 94_000, 'manager', 8, 'manager', ['strategy-manager']],
    [
      '12% (director band): discount above 10% and the second approver',
      88_000,
      'director',
      15,
      'second',
      ['discount', 'strategy-second'],
    ],
  ] as const)('%s', async (_name, amount, approver, max, level, reasons) => {
    const w = await company();
    const c = await w.call('contracts/create', draft({ amount, listAmount: 100_000, productLine: '门禁' }));
    expect(c.rule.strategy).toMatchObject({
      year: 2026,
      productLine: '门禁',
      lineFrom: 'contract',
      approver,
      maxDiscountPct: max,
      allowed: true,
    });
    expect(c.rule.level).toBe(level);
    expect(c.rule.reasons).toEqual(reasons);
  });

  it('the line comes from the opportunity’s product when the contract names none; another year has no strategy', async () => {
    const w = await company();
    const opp = await w.call('opportunities/create', {
      title: '门禁项目',
      customerId: 1,
      staffId: 2,
      productId: 1,
      amount: 94_000,
    });
    const c = await w.call('contracts/create', draft({ amount: 94_000, listAmount: 100_000, opportunityId: opp.id }));
    expect(c.rule.strategy).toMatchObject({ productLine: '门禁', lineFrom: 'opportunity', approver: 'manager' });
    const other = await w.call(
      'contracts/create',
      draft({ amount: 94_000, listAmount: 100_000, productLine: '门禁', startDate: '2027-01-01' }),
    );
    expect(other.rule.strategy).toBeNull();
    expect(other.rule.level).toBe('standard');
  });

  it('beyond the last band nobody approves: refused in both languages, nothing written; the band is audited on submit', async () => {
    const w = await company();
    const c = await w.call('contracts/create', draft({ amount: 80_000, listAmount: 100_000, productLine: '门禁' }));
    expect(c.rule.strategy).toMatchObject({ allowed: false, approver: null });
    expect(c.rule.reasons).toContain('strategy-beyond');
    await w.call('contracts/submit', { contract: c.contractNo });
    await w.call('contracts/checklist', {
      contract: c.contractNo,
      items: { price: true, payment: true, delivery: true, penalty: true, legal: true },
    });
    const en = await w.attempt('contracts/approve', { contract: c.contractNo, as: 'M1' });
    const zh = await w.attempt('contracts/approve', { contract: c.contractNo, as: 'M1' }, 'zh-CN');
    expect(en).toMatchObject({ ok: false, error: { code: 'contracts/discount-beyond-strategy' } });
    if (en.ok || zh.ok) throw new Error('approved');
    expect(en.error.message).toContain('20%');
    expect(en.error.message).toContain('门禁');
    expect(zh.error.message).toContain('无人可以审批');
    expect(count(w, 'contract_approvals')).toBe(0);
    const audit = w.ws.db
      .prepare("SELECT reason FROM audit_log WHERE entity = 'contract' AND field = 'status' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(audit).toContain('strategy 2026 门禁: 20% → beyond every band');
  });

  it('an approval under a band is audited with the band that applied', async () => {
    const w = await company();
    const c = await w.call('contracts/create', draft({ amount: 94_000, listAmount: 100_000, productLine: '门禁' }));
    await w.call('contracts/submit', { contract: c.contractNo });
    await w.call('contracts/checklist', {
      contract: c.contractNo,
      items: { price: true, payment: true, delivery: true, penalty: true, legal: true },
    });
    expect((await w.call('contracts/approve', { contract: c.contractNo })).status).toBe('approved');
    const reason = w.ws.db
      .prepare("SELECT reason FROM audit_log WHERE entity = 'contract' AND field = 'approval:manager'")
      .pluck()
      .get() as string;
    expect(reason).toBe('rule: manager (strategy-manager); strategy 2026 门禁: 6% → manager (up to 8%); approver M1');
  });
});

describe('P3.3 signed scans: read back only after their hash is checked; no disk path from the window', () => {
  async function withScan() {
    const w = await company();
    const c = await w.call('contracts/create', draft());
    const file = path.join(tmpDir('wb-scan-'), '签署版.pdf');
    const bytes = Buffer.from('%PDF-1.4 signed contract\n');
    fs.writeFileSync(file, bytes);
    const d = await w.call('contracts/attach', { contract: c.contractNo, file: { path: file } });
    return { w, c, f: d.files[0], bytes };
  }

  it('downloads the kept bytes with their SHA-256', async () => {
    const { w, c, f, bytes } = await withScan();
    const r = await w.call('contracts/scan', { contract: c.contractNo, fileId: f.id });
    expect(Buffer.from(r.base64!, 'base64')).toEqual(bytes);
    expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(r.stored).toBe(f.path);
    expect(path.isAbsolute(r.stored)).toBe(false);
  });

  it('a kept file changed or removed since is refused; another contract’s scan is unknown', async () => {
    const { w, c, f } = await withScan();
    const other = await w.call('contracts/create', draft());
    expect(await w.attempt('contracts/scan', { contract: other.contractNo, fileId: f.id })).toMatchObject({
      ok: false,
      error: { code: 'contracts/unknown-scan' },
    });
    const abs = path.join(w.dir, f.path);
    fs.appendFileSync(abs, 'tampered');
    const changed = await w.attempt('contracts/scan', { contract: c.contractNo, fileId: f.id }, 'zh-CN');
    expect(changed).toMatchObject({ ok: false, error: { code: 'contracts/scan-changed' } });
    if (!changed.ok) expect(changed.error.message).toContain('SHA-256 不一致');
    fs.rmSync(abs);
    expect(await w.attempt('contracts/scan', { contract: c.contractNo, fileId: f.id })).toMatchObject({
      ok: false,
      error: { code: 'contracts/scan-missing' },
    });
  });

  it('open-scan is the desktop’s alone: browser mode is refused, and no door may name a path', async () => {
    const { w, c, f } = await withScan();
    expect(
      await dispatch(
        w.ws,
        'contracts/open-scan',
        { contract: c.contractNo, fileId: f.id },
        { lang: 'en', door: 'http' },
      ),
    ).toMatchObject({ ok: false, error: { code: 'request/not-exposed' } });
    expect(
      await dispatch(
        w.ws,
        'contracts/open-scan',
        { contract: c.contractNo, path: '/etc/passwd' },
        { lang: 'en', door: 'ipc' },
      ),
    ).toMatchObject({ ok: false, error: { code: 'request/invalid-input' } });
    expect(
      await dispatch(
        w.ws,
        'contracts/attach',
        { contract: c.contractNo, file: { path: '/etc/hostname' } },
        { lang: 'en', door: 'http' },
      ),
    ).toMatchObject({ ok: false, error: { code: 'request/disk-path-refused' } });
  });
});

describe('P4.4 a ticket from the window: every field, refused when it names another customer’s order or contract', () => {
  it('opens a ticket with an order number, contract, product, channel and assignee', async () => {
    const w = await company();
    const k = await w.call('contracts/create', draft());
    const t = await w.call('tickets/create', {
      customerId: 1,
      contact: '赵工',
      orderNo: 'O1',
      contractId: k.id,
      productId: 2,
      category: 'installation',
      complaint: true,
      severity: 'high',
      channel: '微信',
      description: '门禁安装后无法联网',
      department: '技术支持部',
      assigneeId: 3,
      openedAt: '2026-09-01T10:00',
    });
    expect(t).toMatchObject({
      orderNo: 'O1',
      contractNo: k.contractNo,
      productName: '监控摄像机',
      complaint: true,
      severity: 'high',
      channel: '微信',
      assigneeName: '李娜',
      staffId: 2, // the order's salesperson
      targetHours: 18,
    });
  });

  it.each([
    ['an unknown order number', { orderNo: 'NOPE' }, 'tickets/unknown-order-no'],
    ['another customer’s order', { orderNo: 'O4' }, 'tickets/order-other-customer'],
    ['an unknown product', { productId: 99 }, 'tickets/unknown-product'],
    ['an unknown department', { department: '行政部' }, 'tickets/unknown-department'],
  ] as const)('%s: refused in both languages, nothing written', async (_name, over, code) => {
    const w = await company();
    const input = { customerId: 1, department: '技术支持部', description: 'x', ...over };
    const en = await w.attempt('tickets/create', input);
    const zh = await w.attempt('tickets/create', input, 'zh-CN');
    expect(en).toMatchObject({ ok: false, error: { code } });
    expect(zh).toMatchObject({ ok: false, error: { code } });
    if (!en.ok && !zh.ok) expect(zh.error.message).not.toBe(en.error.message);
    expect(count(w, 'tickets')).toBe(0);
  });

  it('another customer’s contract is refused', async () => {
    const w = await company();
    const k = await w.call('contracts/create', draft({ customerId: 2 }));
    expect(
      await w.attempt('tickets/create', { customerId: 1, department: '技术支持部', contractId: k.id }),
    ).toMatchObject({ ok: false, error: { code: 'tickets/contract-other-customer' } });
    expect(count(w, 'tickets')).toBe(0);
  });
});

describe('Settings → the sales process: checked again by the services, audited', () => {
  it('P3.1 stage probabilities that fall along the open stages are refused; a good change is audited', async () => {
    const w = await company('zh-CN');
    const r = await w.attempt('pipeline/set-settings', { probabilities: { demo: 20 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'pipeline/probabilities-order' } });
    if (!r.ok) expect(r.error.message).toBe('产品演示（20%）的赢率不能低于方案（25%）。未保存任何内容。');
    expect((await w.call('pipeline/settings')).probabilities.demo).toBe(40);
    await w.call('pipeline/set-settings', { probabilities: { demo: 45 }, coverageThreshold: 2.5 });
    const audit = w.ws.db
      .prepare("SELECT actor, new_value FROM audit_log WHERE entity = 'settings' AND entity_id = 'pipeline.settings'")
      .all() as { actor: string; new_value: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].new_value)).toMatchObject({ probabilities: { demo: 45 }, coverageThreshold: 2.5 });
  });

  it('P4.6 a response target longer than the resolution target, a repeated department, a department open tickets still have', async () => {
    const w = await company();
    expect(await w.attempt('tickets/set-settings', { sla: { high: { response: 20, resolution: 18 } } })).toMatchObject({
      ok: false,
      error: { code: 'tickets/response-after-resolution' },
    });
    expect(await w.attempt('tickets/set-settings', { departments: ['销售部', '技术支持部', '销售部'] })).toMatchObject({
      ok: false,
      error: { code: 'tickets/duplicate-department' },
    });
    await w.call('tickets/create', { customerId: 1, department: '物流部' });
    const r = await w.attempt('tickets/set-settings', { departments: ['销售部', '技术支持部'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'tickets/department-in-use', details: { count: 1 } } });
    expect((await w.call('tickets/settings')).departments).toContain('物流部');
    expect(w.ws.db.prepare("SELECT count(*) FROM audit_log WHERE entity_id = 'tickets.settings'").pluck().get()).toBe(
      0,
    );
    const ok = await w.call('tickets/set-settings', {
      sla: { high: { response: 3, resolution: 16 } },
      departments: ['销售部', '技术支持部', '物流部', '客服部'],
    });
    expect(ok.sla.high).toEqual({ response: 3, resolution: 16 });
    expect(w.ws.db.prepare("SELECT count(*) FROM audit_log WHERE entity_id = 'tickets.settings'").pluck().get()).toBe(
      1,
    );
  });

  it('P3.3 the second approver must exist and the higher thresholds stay above the manager’s', async () => {
    const w = await company();
    expect(await w.attempt('contracts/set-settings', { secondApprover: 'X9' })).toMatchObject({
      ok: false,
      error: { code: 'contracts/unknown-approver' },
    });
    expect(await w.attempt('contracts/set-settings', { secondAmount: 100 })).toMatchObject({
      ok: false,
      error: { code: 'contracts/thresholds-order' },
    });
    expect((await w.call('contracts/set-settings', { secondApprover: 'D1' })).secondApprover).toBe('D1');
  });
});

describe('P4.6 complaints per 100 orders by product and month (orders counted by day in SQL, added up into months)', () => {
  it('matches counts worked out by hand from the four orders of the small company', async () => {
    const w = await company();
    // orders: O4 2026-03 P2, O1 2026-07 P1, O2 2026-08 P2, O3 2026-08 P1
    const open = (openedAt: string, productId: number) =>
      w.call('tickets/create', { customerId: 1, department: '技术支持部', complaint: true, productId, openedAt });
    await open('2026-08-03T10:00', 1);
    await open('2026-08-04T10:00', 1);
    await open('2026-07-15T10:00', 2);
    const q = await w.call('tickets/sla', { from: '2026-01-01', to: '2026-12-31', asOf: '2026-09-01T09:00' });
    expect(q.orders).toBe(4);
    expect(q.complaintsPer100Orders).toBe(75);
    expect(q.byMonth.map((g) => [g.key, g.complaints, g.complaintsPer100Orders])).toEqual([
      ['2026-07', 1, 100],
      ['2026-08', 2, 100],
    ]);
    expect(q.byProduct.map((g) => [g.key, g.complaints, g.complaintsPer100Orders])).toEqual([
      ['智能门禁', 2, 100],
      ['监控摄像机', 1, 50],
    ]);
  });
});
