import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffMember, Team } from '../../src-main/contract/team';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
let team: Team;
let boss: StaffMember;
let lead: StaffMember;
let rep: StaffMember;

beforeEach(async () => {
  env = tmpWorkspace();
  team = await env.call('teams/create', { name: 'East', region: 'Shanghai' });
  boss = await env.call('staff/create', {
    employeeNo: 'S001',
    name: 'Boss',
    teamId: team.id,
    title: 'Director',
    email: 'boss@example.com',
  });
  lead = await env.call('staff/create', { employeeNo: 'S002', name: 'Lead', teamId: team.id, managerId: boss.id });
  rep = await env.call('staff/create', {
    employeeNo: 'S003',
    name: 'Rep',
    teamId: team.id,
    managerId: lead.id,
    hireDate: '2024-03-01',
  });
});
afterEach(() => env.ws.close());

const snapshot = () => env.ws.db.prepare('SELECT * FROM staff ORDER BY id').all();
const auditCount = () => (env.ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

async function refused(name: string, input: unknown, code: string, lang: 'en' | 'zh-CN' = 'en') {
  const before = snapshot();
  const audits = auditCount();
  const r = await env.attempt(name, input, lang);
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(r.error.code).toBe(code);
  expect(snapshot()).toEqual(before);
  expect(auditCount()).toBe(audits);
  return r.error.message;
}

describe('team roster (P1.1, P5.6)', () => {
  it('lists people with team and manager names', async () => {
    const list = await env.call('staff/list');
    expect(list.map((s) => [s.employeeNo, s.teamName, s.managerName])).toEqual([
      ['S001', 'East', null],
      ['S002', 'East', 'Boss'],
      ['S003', 'East', 'Lead'],
    ]);
    const teams = await env.call('teams/list');
    expect(teams[0].members).toBe(3);
  });

  it('refuses a duplicate employee number, case-insensitively, with a message naming the holder', async () => {
    const msg = await refused(
      'staff/update',
      { id: rep.id, patch: { employeeNo: 's001' } },
      'staff/duplicate-employee-no',
    );
    expect(msg).toContain('Boss');
    await refused('staff/create', { employeeNo: 'S002', name: 'Someone' }, 'staff/duplicate-employee-no');
  });

  it('refuses a bad e-mail with the field named in the user language', async () => {
    const en = await refused('staff/update', { id: rep.id, patch: { email: 'not-an-email' } }, 'request/invalid-input');
    expect(en).toMatch(/E-mail/);
    const zh = await refused('staff/update', { id: rep.id, patch: { email: 'a@' } }, 'request/invalid-input', 'zh-CN');
    expect(zh).toContain('电子邮件');
  });

  it('refuses manager cycles, direct and indirect, and self-management', async () => {
    const msg = await refused('staff/update', { id: boss.id, patch: { managerId: rep.id } }, 'staff/manager-cycle');
    expect(msg).toContain('Rep');
    await refused('staff/update', { id: lead.id, patch: { managerId: rep.id } }, 'staff/manager-cycle');
    await refused('staff/update', { id: rep.id, patch: { managerId: rep.id } }, 'staff/self-manager');
  });

  it('refuses bad dates, unknown teams and unknown fields', async () => {
    await refused('staff/update', { id: rep.id, patch: { hireDate: '2025-02-30' } }, 'request/invalid-input');
    await refused('staff/update', { id: rep.id, patch: { teamId: 999 } }, 'team/not-found');
    await refused('staff/update', { id: rep.id, patch: { salary: 5 } }, 'request/invalid-input');
    await refused('staff/create', { employeeNo: 'S 9', name: 'Space' }, 'request/invalid-input');
    await refused('staff/create', { employeeNo: 'S009', name: '' }, 'request/invalid-input');
  });

  it('audits every changed field with old and new values', async () => {
    await env.call('staff/update', {
      id: rep.id,
      patch: { title: 'Senior rep', phone: '138 0000 0000' },
      reason: 'promotion',
    });
    const history = await env.call('staff/history', { id: rep.id });
    const changes = history.filter((h) => h.field).map((h) => [h.field, h.oldValue, h.newValue, h.reason, h.actor]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['title', null, 'Senior rep', 'promotion', 'tester'],
        ['phone', null, '138 0000 0000', 'promotion', 'tester'],
      ]),
    );
  });

  it('deactivates instead of deleting, and refuses to deactivate someone who still manages people', async () => {
    await refused('staff/set-status', { id: lead.id, status: 'inactive' }, 'staff/has-reports');
    await refused(
      'staff/set-status',
      { id: rep.id, status: 'inactive', leftDate: '2020-01-01' },
      'staff/left-before-hire',
    );
    const gone = await env.call('staff/set-status', { id: rep.id, status: 'inactive', leftDate: '2025-06-30' });
    expect([gone.status, gone.leftDate]).toEqual(['inactive', '2025-06-30']);
    expect((await env.call('staff/list', { includeInactive: false })).map((s) => s.employeeNo)).toEqual([
      'S001',
      'S002',
    ]);
    const back = await env.call('staff/set-status', { id: rep.id, status: 'active' });
    expect([back.status, back.leftDate]).toEqual(['active', null]);
  });

  it('deletes only people without history', async () => {
    env.ws.db.prepare("INSERT INTO customers (name, owner_id, created_at) VALUES ('Client', ?, 'now')").run(rep.id);
    await refused('staff/delete', { id: rep.id }, 'staff/has-history');
    const fresh = await env.call('staff/create', { employeeNo: 'S010', name: 'Mistake' });
    expect(await env.call('staff/delete', { id: fresh.id })).toEqual({ deleted: fresh.id });
    expect((await env.call('staff/list')).map((s) => s.employeeNo)).not.toContain('S010');
  });

  it('refuses a duplicate team name', async () => {
    const r = await env.attempt('teams/create', { name: 'east' });
    expect(r.ok ? '' : r.error.code).toBe('team/duplicate-name');
    const renamed = await env.call('teams/update', { id: team.id, name: 'East China', managerId: boss.id });
    expect([renamed.name, renamed.managerName]).toEqual(['East China', 'Boss']);
  });
});
