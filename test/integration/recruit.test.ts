import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffMember, Team } from '../../src-main/contract/team';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
let team: Team;
let director: StaffMember;
let manager: StaffMember;

beforeEach(async () => {
  env = tmpWorkspace();
  team = await env.call('teams/create', { name: '华东', region: '上海' });
  director = await env.call('staff/create', { employeeNo: 'D01', name: '总监', teamId: team.id });
  manager = await env.call('staff/create', {
    employeeNo: 'M01',
    name: '经理',
    teamId: team.id,
    managerId: director.id,
  });
  await env.call('staff/create', { employeeNo: 'I01', name: '面试官', teamId: team.id, managerId: manager.id });
  await env.call('teams/update', { id: team.id, managerId: manager.id });
});
afterEach(() => env.ws.close());

const db = () => env.ws.db;
const count = (table: string) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
/** Every table this area writes, to prove a refusal wrote nothing. */
const snapshot = () =>
  ['recruitment_plans', 'candidates', 'interviews', 'interview_scores', 'staff', 'audit_log'].map((t) =>
    db().prepare(`SELECT * FROM ${t} `).all(),
  );

async function refused(name: string, input: unknown, code: string) {
  const before = snapshot();
  const messages: string[] = [];
  for (const lang of ['en', 'zh-CN'] as const) {
    const r = await env.attempt(name, input, lang);
    expect(r.ok).toBe(false);
    if (r.ok) return messages;
    expect(r.error.code).toBe(code);
    messages.push(r.error.message);
  }
  expect(snapshot()).toEqual(before);
  return messages;
}

const criteria = { education: 'bachelor' as const, minYears: 2, industries: ['医疗器械'], skills: ['CRM'] };

async function plan() {
  return env.call('recruit/plan-save', {
    title: '2025 华东销售代表',
    teamId: team.id,
    jobTitle: '销售代表',
    headcount: 2,
    criteria,
    channels: ['boss', 'referral'],
    budget: 20000,
    startDate: '2025-03-01',
    endDate: '2025-06-30',
    requestedBy: 'M01',
    interviewItems: [{ key: 'resilience', label: '抗压能力' }],
  });
}

const full = { education: 'master' as const, years: 3, industry: '医疗器械销售', skills: ['CRM', '谈判'] };

describe('recruitment plan (P5.1)', () => {
  it('is approved only by the requesting manager’s own superior', async () => {
    const p = await plan();
    expect(p.approval).toBe('draft');
    await env.call('recruit/plan-submit', { id: p.id });
    const [en, zh] = await refused(
      'recruit/plan-approve',
      { id: p.id, approver: 'I01', approve: true },
      'recruit/approver-not-superior',
    );
    expect(en).toContain('I01');
    expect(zh).toContain('上级');
    const ok = await env.call('recruit/plan-approve', { id: p.id, approver: 'D01', approve: true });
    expect([ok.approval, ok.approvedBy]).toEqual(['approved', 'D01']);
    expect(ok.progress).toEqual({ applied: 0, hired: 0, headcount: 2 });
  });
});

describe('screening against the plan’s criteria (P5.2)', () => {
  it('judges each criterion met, not met or unknown, scores the share met, and suggests', async () => {
    const p = await plan();
    const a = await env.call('recruit/candidate-save', {
      planId: p.id,
      name: '甲',
      phone: '13800000001',
      channel: 'boss',
      appliedDate: '2025-03-02',
      profile: full,
    });
    const b = await env.call('recruit/candidate-save', {
      planId: p.id,
      name: '乙',
      channel: 'boss',
      appliedDate: '2025-03-02',
      profile: { ...full, education: 'college' },
    });
    const c = await env.call('recruit/candidate-save', {
      planId: p.id,
      name: '丙',
      channel: 'boss',
      appliedDate: '2025-03-02',
      profile: { education: 'bachelor', industry: '医疗器械', skills: ['crm'] },
    });
    const sa = await env.call('recruit/screening', { candidateId: a.id });
    expect(sa.items.map((i) => [i.criterion, i.verdict])).toEqual([
      ['education', 'met'],
      ['minYears', 'met'],
      ['industries', 'met'],
      ['skills', 'met'],
    ]);
    expect([sa.score, sa.suggested]).toEqual([100, 'pass']);
    const sb = await env.call('recruit/screening', { candidateId: b.id });
    expect(sb.items.find((i) => i.criterion === 'education')!.verdict).toBe('not-met');
    expect([sb.score, sb.suggested]).toEqual([75, 'reject']); // 3 of 4 met
    const sc = await env.call('recruit/screening', { candidateId: c.id });
    expect(sc.items.find((i) => i.criterion === 'minYears')!.verdict).toBe('unknown');
    expect([sc.score, sc.suggested]).toEqual([75, 'hold']);

    await refused('recruit/screen', { candidateId: b.id, decision: 'reject' }, 'recruit/reason-required');
    const rb = await env.call('recruit/screen', {
      candidateId: b.id,
      decision: 'reject',
      reason: '学历不符',
      date: '2025-03-03',
    });
    expect([rb.status, rb.screenDecision, rb.screenReason, rb.screening?.score]).toEqual([
      'rejected',
      'reject',
      '学历不符',
      75,
    ]);
    const ra = await env.call('recruit/screen', { candidateId: a.id, decision: 'pass', date: '2025-03-03' });
    expect(ra.status).toBe('screened');
  });

  it('refuses a range of years that is no range (a negative bound, over 60, an unknown key), writing nothing', async () => {
    const p = await env.call('recruit/plan-save', { title: '销售代表', headcount: 1, criteria: { minYears: 3 } });
    const base = { planId: p.id, name: '甲', channel: 'boss', appliedDate: '2025-03-02' };
    for (const yearsRange of [
      { min: -1, max: 5 },
      { min: 3, max: 61 },
      { min: 3, max: 5, unit: '年' },
    ]) {
      const [en, zh] = await refused(
        'recruit/candidate-save',
        { ...base, profile: { yearsText: '3-5年', yearsRange } },
        'request/invalid-input',
      );
      expect(en).toMatch(/\S/);
      expect(zh).toMatch(/\S/);
      expect(zh).not.toBe(en);
    }
  });

  it('finds the same person applying through two channels by phone or e-mail', async () => {
    const p = await plan();
    const a = await env.call('recruit/candidate-save', {
      planId: p.id,
      name: '甲',
      phone: '138 0000 0001',
      email: 'jia@example.com',
      channel: 'boss',
      appliedDate: '2025-03-02',
    });
    await env.call('recruit/candidate-save', {
      planId: p.id,
      name: '甲',
      phone: '13800000001',
      channel: 'liepin',
      appliedDate: '2025-03-05',
    });
    await env.call('recruit/candidate-save', {
      planId: p.id,
      name: '丁',
      email: 'JIA@example.com',
      channel: 'referral',
      appliedDate: '2025-03-05',
    });
    await env.call('recruit/candidate-save', {
      planId: p.id,
      name: '戊',
      phone: '13900000009',
      channel: 'referral',
      appliedDate: '2025-03-05',
    });
    const list = await env.call('recruit/candidates', { planId: p.id });
    expect(
      list
        .find((c) => c.id === a.id)!
        .duplicates.map((d) => d.channel)
        .sort(),
    ).toEqual(['liepin', 'referral']);
    expect(list.find((c) => c.name === '戊')!.duplicates).toEqual([]);
  });

  it('keeps the résumé through the one file reader', async () => {
    const p = await plan();
    const a = await env.call('recruit/candidate-save', {
      planId: p.id,
      name: '甲',
      channel: 'boss',
      appliedDate: '2025-03-02',
    });
    const file = path.join(env.dir, '甲-简历.pdf');
    fs.writeFileSync(file, Buffer.from('%PDF-1.4 résumé'));
    const withFile = await env.call('recruit/attach-resume', { candidateId: a.id, file: { path: file } });
    expect(withFile.resume).toBe('甲-简历.pdf');
    expect((db().prepare('SELECT bytes FROM candidate_files').pluck().get() as Buffer).toString()).toBe(
      '%PDF-1.4 résumé',
    );
  });
});

describe('interviews on the appraisal rubric, offer and hire (P5.3, P1.6)', () => {
  async function interviewed() {
    const p = await plan();
    const a = await env.call('recruit/candidate-save', {
      planId: p.id,
      name: '甲',
      phone: '13800000001',
      email: 'jia@example.com',
      channel: 'boss',
      appliedDate: '2025-03-02',
      profile: full,
    });
    await env.call('recruit/screen', { candidateId: a.id, decision: 'pass', date: '2025-03-03' });
    return { p, a };
  }
  const levels = (x: number, extra = 3) => ({
    initiative: x,
    communication: x,
    sellingSkill: x,
    teamwork: x,
    resilience: extra,
  });

  it('scores on the rubric’s own items and levels plus the plan’s; panel mean and spread', async () => {
    const { a } = await interviewed();
    const items = await env.call('recruit/scorecard-items', { candidateId: a.id });
    expect(items.map((i) => i.key)).toEqual(['initiative', 'communication', 'sellingSkill', 'teamwork', 'resilience']);
    expect(items[1].levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    await env.call('recruit/interview-score', {
      candidateId: a.id,
      round: 'first',
      date: '2025-03-10',
      interviewer: 'M01',
      scores: levels(4, 2),
      recommendation: 'hire',
    });
    const panel = await env.call('recruit/interview-score', {
      candidateId: a.id,
      round: 'first',
      date: '2025-03-10',
      interviewer: 'I01',
      scores: { ...levels(2, 5), teamwork: 4 },
      recommendation: 'hold',
    });
    expect(panel.cards).toHaveLength(2);
    const byKey = Object.fromEntries(panel.summary.map((s) => [s.key, [s.mean, s.spread, s.n]]));
    expect(byKey.communication).toEqual([3, 2, 2]); // (4 + 2) / 2, 4 − 2
    expect(byKey.teamwork).toEqual([4, 0, 2]);
    expect(byKey.resilience).toEqual([3.5, 3, 2]);
    // hand sum: M01 4·4 + 2 = 18, I01 2·3 + 4 + 5 = 15 → 33 / 10
    expect(panel.overall).toBe(3.3);
    expect(panel.recommendations).toEqual({ hire: 1, hold: 1 });
    // the same interviewer scoring the same round again replaces their card
    await env.call('recruit/interview-score', {
      candidateId: a.id,
      round: 'first',
      date: '2025-03-10',
      interviewer: 'I01',
      scores: levels(3),
    });
    expect(count('interviews')).toBe(2);
  });

  it('refuses a level outside the rubric and an interview before the application, writing nothing', async () => {
    const { a } = await interviewed();
    const [en, zh] = await refused(
      'recruit/interview-score',
      { candidateId: a.id, round: 'first', date: '2025-03-10', interviewer: 'M01', scores: levels(7) },
      'recruit/level-outside-rubric',
    );
    expect(en).toContain('1, 2, 3, 4, 5');
    expect(zh).toContain('考核标准');
    const [en2, zh2] = await refused(
      'recruit/interview-score',
      { candidateId: a.id, round: 'first', date: '2025-03-01', interviewer: 'M01', scores: levels(3) },
      'recruit/interview-before-applied',
    );
    expect(en2).toContain('2025-03-02');
    expect(zh2).toContain('早于');
    await refused(
      'recruit/interview-score',
      { candidateId: a.id, round: 'first', date: '2025-03-10', interviewer: 'M01', scores: { initiative: 3 } },
      'recruit/item-not-scored',
    );
    expect(count('interviews')).toBe(0);
  });

  it('hiring creates exactly one staff record, with nothing retyped', async () => {
    const { a } = await interviewed();
    await refused(
      'recruit/hire',
      { candidateId: a.id, employeeNo: 'S100', startDate: '2025-04-01' },
      'recruit/offer-not-accepted',
    );
    await env.call('recruit/interview-score', {
      candidateId: a.id,
      round: 'final',
      date: '2025-03-10',
      interviewer: 'M01',
      scores: levels(4),
    });
    await env.call('recruit/offer', { candidateId: a.id, date: '2025-03-15' });
    await env.call('recruit/offer-response', { candidateId: a.id, response: 'accepted' });
    const before = count('staff');
    const { staff, candidate } = await env.call('recruit/hire', {
      candidateId: a.id,
      employeeNo: 'S100',
      startDate: '2025-04-01',
      probationMonths: 3,
    });
    expect(count('staff')).toBe(before + 1);
    expect([
      staff.name,
      staff.phone,
      staff.email,
      staff.teamName,
      staff.title,
      staff.hireDate,
      staff.managerName,
    ]).toEqual(['甲', '13800000001', 'jia@example.com', '华东', '销售代表', '2025-04-01', '经理']);
    expect(db().prepare('SELECT probation_end FROM staff WHERE id = ?').pluck().get(staff.id)).toBe('2025-06-30');
    expect([candidate.status, candidate.employeeNo]).toEqual(['hired', 'S100']);
    await refused(
      'recruit/hire',
      { candidateId: a.id, employeeNo: 'S101', startDate: '2025-04-01' },
      'recruit/already-hired',
    );
    expect(count('staff')).toBe(before + 1);
  });
});

describe('the funnel, time to hire and cost per hire (P5.1–P5.3)', () => {
  it('counts everyone who reached each stage, per plan and channel, on a hand-built case', async () => {
    const p = await plan();
    const mk = (name: string, channel: 'boss' | 'referral', appliedDate: string) =>
      env.call('recruit/candidate-save', { planId: p.id, name, channel, appliedDate, profile: full });
    const scores = { initiative: 3, communication: 3, sellingSkill: 3, teamwork: 3, resilience: 3 };
    const a = await mk('甲', 'boss', '2025-03-01'); // hired after 31 days
    const b = await mk('乙', 'boss', '2025-03-05'); // hired after 41 days
    const c = await mk('丙', 'referral', '2025-03-01'); // interviewed, offer declined
    const d = await mk('丁', 'referral', '2025-03-01'); // screened only
    await mk('戊', 'boss', '2025-03-01'); // applied only
    for (const x of [a, b, c, d])
      await env.call('recruit/screen', { candidateId: x.id, decision: 'pass', date: '2025-03-06' });
    for (const x of [a, b, c])
      await env.call('recruit/interview-score', {
        candidateId: x.id,
        round: 'first',
        date: '2025-03-10',
        interviewer: 'M01',
        scores,
      });
    for (const x of [a, b, c]) await env.call('recruit/offer', { candidateId: x.id, date: '2025-03-20' });
    await env.call('recruit/offer-response', { candidateId: c.id, response: 'declined', reason: '薪资' });
    for (const [x, no, day] of [
      [a, 'S1', '2025-04-01'],
      [b, 'S2', '2025-04-15'],
    ] as const) {
      await env.call('recruit/offer-response', { candidateId: x.id, response: 'accepted' });
      await env.call('recruit/hire', { candidateId: x.id, employeeNo: no, startDate: day });
    }
    await env.call('recruit/cost-add', { planId: p.id, channel: 'boss', date: '2025-03-01', amount: 3000 });
    await env.call('recruit/cost-add', { planId: p.id, channel: 'referral', date: '2025-04-01', amount: 1000 });
    const f = await env.call('recruit/funnel', { planId: p.id });
    expect(f.stages.map((s) => s.count)).toEqual([5, 4, 3, 3, 2]);
    expect(f.timeToHireDays).toBe(36); // (31 + 41) / 2
    expect([f.cost, f.costPerHire]).toEqual([4000, 2000]);
    const boss = f.byChannel.find((r) => r.key === 'boss')!;
    expect(boss.stages.map((s) => s.count)).toEqual([3, 2, 2, 2, 2]);
    expect([boss.costPerHire, boss.timeToHireDays]).toEqual([1500, 36]);
    const referral = f.byChannel.find((r) => r.key === 'referral')!;
    expect(referral.stages.map((s) => s.count)).toEqual([2, 2, 1, 1, 0]);
    expect([referral.costPerHire, referral.timeToHireDays]).toEqual([null, null]);
    const plans = await env.call('recruit/plans');
    expect(plans[0].progress).toEqual({ applied: 5, hired: 2, headcount: 2 });
    expect(plans[0].spent).toBe(4000);
  });
});
