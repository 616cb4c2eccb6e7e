import { describe, expect, it } from 'vitest';
import { quarterFacts } from '../../src-main/services/appraisal/data-sources';
import { seedSalesCompany } from '../support/sales-fixture';
import { tmpWorkspace } from '../support/workspace';

// Service targets by default: high 2 h to respond, 18 h to resolve; critical 1 h / 9 h; medium 4 h / 27 h.
// Working day 09:00–18:00 on China's working days (services/calendar); hours below are hand-counted.
async function company() {
  const w = tmpWorkspace();
  seedSalesCompany(w.ws.db);
  return w;
}

describe('P4.4, P4.6 tickets: status flow, clock paused while waiting, hand-overs, follow-up', () => {
  it('a ticket across a weekend with a wait on the customer meets its 18 h target in 12 working hours', async () => {
    const { call } = await company();
    const t = await call('tickets/create', {
      customerId: 1,
      orderId: 1,
      severity: 'high',
      category: 'quality',
      department: '技术支持部',
      description: '设备频繁重启',
      openedAt: '2026-03-06T16:00',
    });
    expect(t).toMatchObject({
      status: 'new',
      staffId: 2,
      productName: '智能门禁',
      responseTargetHours: 2,
      targetHours: 18,
    });
    // first response Monday 10:00: Fri 16–18 (2 h) + Mon 09–10 (1 h) = 3 h
    expect(await call('tickets/transition', { id: t.id, to: 'in_progress', at: '2026-03-09T10:00' })).toMatchObject({
      responseHours: 3,
      firstResponseAt: '2026-03-09T10:00',
    });
    await call('tickets/transition', { id: t.id, to: 'waiting', at: '2026-03-09T12:00' });
    await call('tickets/handover', {
      id: t.id,
      department: '物流部',
      assigneeId: 3,
      at: '2026-03-10T11:00',
      note: '需要换货',
    });
    await call('tickets/transition', { id: t.id, to: 'in_progress', at: '2026-03-10T12:00' });
    const done = await call('tickets/transition', { id: t.id, to: 'resolved', at: '2026-03-11T10:00' });
    // Fri 2 + Mon 9 + Tue 9 + Wed 1 = 21 h, less the wait Mon 12–18 (6 h) and Tue 09–12 (3 h) = 12 h ≤ 18
    expect(done).toMatchObject({
      status: 'resolved',
      workingHours: 12,
      sla: 'met',
      department: '物流部',
      assigneeId: 3,
    });
    // P4.5: the salesperson calls back three working days later (Thu 12, Fri 13, Mon 16)
    expect(done.followupDue).toBe('2026-03-16');
    expect(done.pauses).toEqual([{ start: '2026-03-09T12:00', end: '2026-03-10T12:00' }]);
    expect(done.events.filter((e) => e.kind === 'handover')).toMatchObject([
      { from: '技术支持部', to: '物流部', note: '需要换货', at: '2026-03-10T11:00' },
    ]);
    const followed = await call('tickets/followup', {
      id: t.id,
      result: '客户满意，已恢复使用',
      at: '2026-03-16T10:00',
    });
    expect(followed.followupResult).toBe('客户满意，已恢复使用');
  });

  it('shows due soon and breached, and a reopen needs a reason', async () => {
    const { call, attempt } = await company();
    const t = await call('tickets/create', {
      customerId: 1,
      severity: 'critical',
      department: '售后服务部',
      openedAt: '2026-03-02T09:00',
    });
    expect((await call('tickets/get', { id: t.id, asOf: '2026-03-02T13:00' })).sla).toBe('running'); // 4 h of 9
    expect((await call('tickets/get', { id: t.id, asOf: '2026-03-02T15:00' })).sla).toBe('due-soon'); // 6 h: 3 h left ≤ 4
    expect((await call('tickets/get', { id: t.id, asOf: '2026-03-03T10:00' })).sla).toBe('breached'); // 9 + 1 = 10 h
    await call('tickets/transition', { id: t.id, to: 'resolved', at: '2026-03-03T12:00' });
    expect(await attempt('tickets/transition', { id: t.id, to: 'in_progress', at: '2026-03-04T09:00' })).toMatchObject({
      ok: false,
      error: { code: 'tickets/reopen-reason' },
    });
    const reopened = await call('tickets/transition', {
      id: t.id,
      to: 'in_progress',
      at: '2026-03-04T09:00',
      reason: '故障复现',
    });
    expect(reopened).toMatchObject({ reopened: 1, resolvedAt: null, status: 'in_progress' });
    expect(reopened.events.at(-1)).toMatchObject({ kind: 'reopen', note: '故障复现' });
  });

  it('refuses a change dated before the ticket was opened (both languages) and writes nothing', async () => {
    const { ws, call, attempt } = await company();
    const t = await call('tickets/create', { customerId: 1, department: '售后服务部', openedAt: '2026-03-06T16:00' });
    const events = () => ws.db.prepare('SELECT count(*) FROM ticket_events WHERE ticket_id = ?').pluck().get(t.id);
    const before = events();
    const en = await attempt('tickets/transition', { id: t.id, to: 'resolved', at: '2026-03-05T10:00' });
    expect(en).toMatchObject({ ok: false, error: { code: 'tickets/before-opened' } });
    expect(!en.ok && en.error.message).toContain('was opened at 2026-03-06 16:00');
    const zh = await attempt('tickets/transition', { id: t.id, to: 'resolved', at: '2026-03-05T10:00' }, 'zh-CN');
    expect(!zh.ok && zh.error.message).toContain('未做任何更改');
    expect(ws.db.prepare('SELECT status, resolved_at FROM tickets WHERE id = ?').get(t.id)).toEqual({
      status: 'new',
      resolved_at: null,
    });
    expect(events()).toBe(before);
    expect(await attempt('tickets/create', { customerId: 1, department: '不存在的部门' })).toMatchObject({
      ok: false,
      error: { code: 'tickets/unknown-department' },
    });
    expect(
      await attempt('tickets/create', { customerId: 1, department: '售后服务部', openedAt: '2026-02-30T10:00' }),
    ).toMatchObject({ ok: false, error: { code: 'request/invalid-input' } });
  });
});

describe('P4.6 service quality and the P6.1 complaint-handling KPI: one definition', () => {
  async function year() {
    const w = await company();
    const { call } = w;
    const make = async (
      openedAt: string,
      severity: 'critical' | 'high' | 'medium',
      respondAt: string,
      resolveAt: string | null,
      complaint = false,
      staffId = 2,
    ) => {
      const t = await call('tickets/create', {
        customerId: 1,
        severity,
        complaint,
        staffId,
        department: '售后服务部',
        productId: 1,
        openedAt,
      });
      await call('tickets/transition', { id: t.id, to: 'in_progress', at: respondAt });
      if (resolveAt) await call('tickets/transition', { id: t.id, to: 'resolved', at: resolveAt });
      return t;
    };
    // A: medium (27 h), complaint; Fri 09:00 → Mon 18:00 = 18 working hours though 81 calendar hours: on time
    await make('2026-03-06T09:00', 'medium', '2026-03-06T10:00', '2026-03-09T18:00', true);
    // B: high (18 h), complaint; Mon 09:00 → Wed 12:00 = 9 + 9 + 3 = 21 h: late
    await make('2026-03-02T09:00', 'high', '2026-03-02T12:00', '2026-03-04T12:00', true);
    // C: critical (9 h); Tue 09:00 → Tue 14:00 = 5 h: on time
    await make('2026-03-03T09:00', 'critical', '2026-03-03T09:30', '2026-03-03T14:00');
    // D: critical (9 h), open since Wed 09:00; as of Fri 09:00 = 18 h: due and late
    await make('2026-03-04T09:00', 'critical', '2026-03-04T11:00', null, true);
    return w;
  }

  it('medians, 90th percentiles and the share within target, against hand counts', async () => {
    const { call } = await year();
    const later = await call('tickets/sla', { from: '2026-03-01', to: '2026-03-31', asOf: '2026-03-10T09:00' });
    expect(later.tickets).toBe(4);
    // resolved: A 18, B 21, C 5 → median 18; p90 = 18 + 0.8 × (21 − 18) = 20.4
    expect(later).toMatchObject({ medianResolutionHours: 18, p90ResolutionHours: 20.4 });
    // response: A 1, B 3, C 0.5, D 2 → sorted 0.5, 1, 2, 3: median 1.5, p90 = 2 + 0.7 × 1 = 2.7
    expect(later).toMatchObject({ medianResponseHours: 1.5, p90ResponseHours: 2.7 });
    // due: A, B, C resolved + D open past 9 h; on time A and C: 2 of 4 = 50%
    expect(later.withinTargetPct).toBe(50);
    // complaints A, B, D over the month's orders: none in March but O4 (1 order) → 300 per 100 orders
    expect(later).toMatchObject({ complaints: 3, orders: 1, complaintsPer100Orders: 300 });
    expect(later.byDepartment).toMatchObject([{ department: '售后服务部', tickets: 4, withinTargetPct: 50 }]);
    expect(later.byMonth.map((m) => m.key)).toEqual(['2026-03']);
    expect(later.missingSchedule).toEqual([]);
  });

  it('the appraisal’s complaint-handling KPI counts the same clocks: A on time in working hours, B late, D overdue', async () => {
    const { ws, call } = await year();
    const facts = quarterFacts(ws.db, '2026Q1', new Set(['tickets']), '2026-03-31').get(2)!;
    expect(facts).toMatchObject({ complaints: 3, complaintsDue: 3, complaintsOnTime: 1 });
    // the service figures of the same person agree: of the 3 complaints 1 was within target (A)
    const q = await call('tickets/sla', { from: '2026-01-01', to: '2026-03-31', asOf: '2026-03-31T23:59' });
    expect(q.bySalesperson.find((p) => p.key === 'S1 张伟')).toMatchObject({ tickets: 4, complaints: 3 });
    // before, the appraisal counted calendar hours: A's 81 h would have been late against 27 h
  });
});
