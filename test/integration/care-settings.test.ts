import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { count, seedCustomers } from '../support/customer-fixture';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
beforeEach(() => {
  env = tmpWorkspace('en');
  seedCustomers(env);
});
afterEach(() => env.ws.close());

const snapshot = () =>
  ['company_events', 'care_templates', 'audit_log'].map((t) =>
    env.ws.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
  );
async function refused(name: string, input: unknown) {
  const out: Record<string, { code: string; message: string }> = {};
  for (const lang of ['en', 'zh-CN'] as const) {
    const r = await env.attempt(name, input, lang);
    if (r.ok) throw new Error(`${name} was not refused`);
    out[lang] = r.error;
  }
  return out;
}

describe('company events on the care calendar (P4.3, issue 13 item 10)', () => {
  it('a yearly event comes back each year from its first, a one-off only in its year; both are audited', async () => {
    const founded = await env.call('care/save-event', { date: '2019-05-18', name: '公司成立纪念日' });
    await env.call('care/save-event', { date: '2027-06-06', name: '十周年客户答谢会', yearly: false });
    expect(founded).toMatchObject({ date: '2019-05-18', name: '公司成立纪念日', yearly: true });
    const days = async (year: number) =>
      (await env.call('care/calendar', { year, companyOnly: true })).events
        .filter((e) => e.kind === 'company')
        .map((e) => [e.date, e.occasion]);
    expect(await days(2018)).toEqual([]);
    expect(await days(2026)).toEqual([['2026-05-18', '公司成立纪念日']]);
    expect(await days(2027)).toEqual([
      ['2027-05-18', '公司成立纪念日'],
      ['2027-06-06', '十周年客户答谢会'],
    ]);
    expect(count(env, "SELECT count(*) FROM audit_log WHERE entity = 'company-event'")).toBe(2);
    await env.call('care/delete-event', { id: founded.id });
    expect(await days(2026)).toEqual([]);
    expect((await env.call('care/events', {})).map((e) => e.name)).toEqual(['十周年客户答谢会']);
  });

  it('the same event twice, an unknown event and a blank name are refused in both languages; nothing is written', async () => {
    await env.call('care/save-event', { date: '2019-05-18', name: '公司成立纪念日' });
    const before = snapshot();
    const dup = await refused('care/save-event', { date: '2019-05-18', name: '公司成立纪念日' });
    expect(dup.en).toMatchObject({
      code: 'care/duplicate-event',
      message: '"公司成立纪念日" on 2019-05-18 is already a company event.',
    });
    expect(dup['zh-CN'].message).toBe('2019-05-18 的“公司成立纪念日”已是公司活动。');
    const unknown = await refused('care/delete-event', { id: 99 });
    expect([unknown.en.code, unknown.en.message, unknown['zh-CN'].message]).toEqual([
      'care/event-not-found',
      'There is no company event #99.',
      '没有编号为 99 的公司活动。',
    ]);
    expect((await refused('care/save-event', { date: '2019-05-18', name: '  ' })).en.code).toBe(
      'request/invalid-input',
    );
    expect((await refused('care/save-event', { date: '2019-02-30', name: 'x' })).en.code).toBe('request/invalid-input');
    expect(snapshot()).toEqual(before);
  });
});

describe('greeting templates (P4.3, issue 13 item 11)', () => {
  it('a greeting naming a placeholder the workbench cannot fill is refused in both languages; a good one fills the care list', async () => {
    const before = snapshot();
    const bad = await refused('care/set-template', { occasion: 'birthday', lang: 'zh-CN', body: '{name}，生日快乐！' });
    expect(bad.en).toMatchObject({
      code: 'care/unknown-placeholder',
      message:
        'The greeting names {name}, which the workbench cannot fill: use {contact} {title} {company} {salesperson} {ourCompany} {occasion} {years}.',
    });
    expect(bad['zh-CN'].message).toMatch(/^问候语中的 \{name\} 无法填写/);
    expect(snapshot()).toEqual(before);

    await env.call('care/set-template', {
      occasion: 'birthday',
      lang: 'en',
      body: 'Happy birthday, {contact} of {company}!',
    });
    env.ws.db
      .prepare(
        "INSERT INTO contacts (customer_id, name, birth_calendar, birth_month, birth_day, created_at) VALUES (1, 'Sun', 'solar', 3, 12, 'x')",
      )
      .run();
    const list = await env.call('care/list', { date: '2027-03-12' });
    expect(list.items.find((i) => i.occasionKey === 'birthday')?.text).toBe(
      'Happy birthday, Sun of 上海华信科技有限公司!',
    );
  });
});

describe('the command line: care events and templates', () => {
  it('care add-event, care events, care set-template; a missing option is wrong usage', () => {
    const dir = ['--data-dir', env.dir];
    env.ws.close();
    expect(cli([...dir, 'care', 'add-event', '--date', '2019-05-18', '--name', '公司成立纪念日']).status).toBe(0);
    const events = cli([...dir, 'care', 'events']);
    expect(events.stdout).toMatch(/^1\t2019-05-18\t公司成立纪念日\tevery year$/m);
    const set = cli([
      ...dir,
      'care',
      'set-template',
      '--occasion',
      'chunjie',
      '--in',
      'en',
      '--body',
      'Happy New Year, {contact}!',
    ]);
    expect([set.status, set.stdout.trim()]).toEqual([0, 'Greeting for chunjie (en) saved.']);
    const missing = cli([...dir, 'care', 'add-event', '--date', '2019-05-18']);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('--name')]);
    const badLang = cli([...dir, 'care', 'set-template', '--occasion', 'chunjie', '--in', 'fr', '--body', 'x']);
    expect(badLang.status).toBe(2);
    const bad = cli([...dir, 'care', 'set-template', '--occasion', 'chunjie', '--in', 'en', '--body', 'Hi {nom}']);
    expect([bad.status, bad.stderr]).toEqual([1, expect.stringContaining('{nom}')]);
  });
});
