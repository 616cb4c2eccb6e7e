import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src-main/excel/xlsx-writer';
import { seedSalesCompany } from '../support/sales-fixture';
import { tmpDir, tmpWorkspace } from '../support/workspace';

// Issue 14 item 13: opportunities and contracts with instalments import, checked against values worked out
// by hand; the files of test/fixtures/sales-process/ were written by pandas, openpyxl and LibreOffice
// (make_fixtures.py there), the others below by the workbench's own writer.
const FIXTURES = path.join(import.meta.dirname, '../fixtures/sales-process');
const fixture = (name: string) => ({ path: path.join(FIXTURES, name) });

function sheet(rows: unknown[][], name = 'sheet.xlsx'): { path: string } {
  const p = path.join(tmpDir('wb-si-'), name);
  const [header, ...data] = rows;
  fs.writeFileSync(
    p,
    writeXlsx([
      { name: 'S', columns: (header as string[]).map((h) => ({ header: h, format: 'text' })), rows: data as never },
    ]),
  );
  return { path: p };
}

async function company(lang: 'en' | 'zh-CN' = 'en') {
  const w = tmpWorkspace(lang);
  seedSalesCompany(w.ws.db);
  return w;
}
type W = Awaited<ReturnType<typeof company>>;
const count = (w: W, table: string) => w.ws.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const problemCodes = (r: { errors: { code: string }[] }) => [...new Set(r.errors.map((p) => p.code))].sort();

describe('P3.1 importing opportunities', () => {
  it('a pandas sheet (datetime cells, float money, NaN blanks): every field, the stage history written', async () => {
    const w = await company();
    const r = await w.call('import/run', { kind: 'opportunities', file: fixture('opportunities-pandas.xlsx') });
    expect(r).toMatchObject({ committed: true, rows: { inserted: 4, invalid: 0 } });
    expect(
      w.ws.db
        .prepare(
          `SELECT title, customer_id AS c, stage, amount, expected_date AS d, staff_id AS s, product_id AS p, source, lost_reason AS why, competitor
           FROM opportunities ORDER BY id`,
        )
        .all(),
    ).toEqual([
      {
        title: '园区门禁改造',
        c: 1,
        stage: 'proposal',
        amount: 38_000_000,
        d: '2026-09-15',
        s: 2,
        p: 1,
        source: '展会',
        why: null,
        competitor: null,
      },
      {
        title: '仓库监控扩容',
        c: 2,
        stage: 'negotiation',
        amount: 12_500_050,
        d: '2026-08-31',
        s: 5,
        p: 2,
        source: '老客户',
        why: null,
        competitor: null,
      },
      {
        title: '总部门禁',
        c: 1,
        stage: 'won',
        amount: 42_000_000,
        d: '2026-07-20',
        s: 3,
        p: 1,
        source: '转介绍',
        why: null,
        competitor: null,
      },
      {
        title: '分厂监控',
        c: 2,
        stage: 'lost',
        amount: 9_000_000,
        d: '2026-06-30',
        s: 5,
        p: 2,
        source: '官网',
        why: '价格高于对手',
        competitor: '海康威视',
      },
    ]);
    expect(
      w.ws.db.prepare('SELECT from_stage AS f, to_stage AS t, actor FROM opportunity_stage_history ORDER BY id').all(),
    ).toEqual([
      { f: null, t: 'proposal', actor: 'tester' },
      { f: null, t: 'negotiation', actor: 'tester' },
      { f: null, t: 'won', actor: 'tester' },
      { f: null, t: 'lost', actor: 'tester' },
    ]);
    // the same file again changes nothing; undo removes the opportunities and their history
    expect(
      await w.call('import/run', { kind: 'opportunities', file: fixture('opportunities-pandas.xlsx') }),
    ).toMatchObject({ rows: { inserted: 0, updated: 0, unchanged: 4 } });
    await w.call('import/undo', { id: r.importId! });
    expect([count(w, 'opportunities'), count(w, 'opportunity_stage_history')]).toEqual([0, 0]);
  });

  it('a won opportunity without an amount (pandas NaN): refused in both languages, nothing written', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const w = await company(lang);
      const r = await w.call('import/run', {
        kind: 'opportunities',
        file: fixture('opportunities-won-no-amount-pandas.xlsx'),
      });
      expect(r.committed).toBe(false);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ row: 4, code: 'won-without-amount' });
      expect(r.errors[0].message).toContain(lang === 'en' ? 'is won but has no amount' : '为赢单但没有金额');
      expect(count(w, 'opportunities')).toBe(0);
    }
  });

  it('a moved stage is added to the history; lost without a reason, unknown product, lost fields on an open deal are refused', async () => {
    const w = await company();
    const head = ['商机名称', '客户', '阶段', '金额', '产品', '丢单原因', '竞争对手'];
    await w.call('import/run', {
      kind: 'opportunities',
      file: sheet([head, ['甲项目', 'K1', '需求确认', '1000', '', '', '']]),
    });
    await w.call('import/run', {
      kind: 'opportunities',
      file: sheet([head, ['甲项目', '客户甲', '商务谈判', '1000', '', '', '']]),
    });
    expect(
      w.ws.db.prepare('SELECT from_stage AS f, to_stage AS t FROM opportunity_stage_history ORDER BY id').all(),
    ).toEqual([
      { f: null, t: 'needs' },
      { f: 'needs', t: 'negotiation' },
    ]);
    const bad = await w.call('import/run', {
      kind: 'opportunities',
      file: sheet([
        head,
        ['乙项目', 'K1', '丢单', '1000', '', '', '海康威视'],
        ['丙项目', 'K1', '方案', '1000', 'P9', '', ''],
        ['丁项目', 'K1', '方案', '1000', '', '价格', ''],
      ]),
    });
    expect(bad.committed).toBe(false);
    expect(problemCodes(bad)).toEqual(['lost-fields-open', 'lost-without-reason', 'unknown-product']);
    expect(count(w, 'opportunities')).toBe(1);
  });
});

describe('P3.3 importing contracts with instalments', () => {
  const expectContracts = (w: W) => {
    expect(
      w.ws.db
        .prepare(
          `SELECT contract_no AS no, customer_id AS c, amount, list_amount AS list, staff_id AS s, start_date AS start, end_date AS "end", status
           FROM contracts ORDER BY contract_no`,
        )
        .all(),
    ).toEqual([
      {
        no: 'HT2026-101',
        c: 1,
        amount: 60_000_000,
        list: 65_000_000,
        s: 2,
        start: '2026-04-01',
        end: '2027-03-31',
        status: 'draft',
      },
      {
        no: 'HT2026-102',
        c: 2,
        amount: 8_888_888,
        list: null,
        s: 5,
        start: '2026-05-01',
        end: '2026-12-31',
        status: 'draft',
      },
    ]);
    expect(
      w.ws.db
        .prepare(
          'SELECT k.contract_no AS no, i.seq, i.due_date AS due, i.amount FROM contract_instalments i JOIN contracts k ON k.id = i.contract_id ORDER BY no, seq',
        )
        .all(),
    ).toEqual([
      { no: 'HT2026-101', seq: 1, due: '2026-04-30', amount: 18_000_000 },
      { no: 'HT2026-101', seq: 2, due: '2026-07-31', amount: 24_000_000 },
      { no: 'HT2026-101', seq: 3, due: '2026-10-31', amount: 18_000_000 },
      { no: 'HT2026-102', seq: 1, due: '2026-05-15', amount: 4_444_444 },
      { no: 'HT2026-102', seq: 2, due: '2026-06-15', amount: 4_444_444 },
    ]);
    // an independent sum: each contract's instalments are its amount
    expect(
      w.ws.db
        .prepare(
          'SELECT count(*) FROM contracts k WHERE k.amount <> (SELECT sum(amount) FROM contract_instalments WHERE contract_id = k.id)',
        )
        .pluck()
        .get(),
    ).toBe(0);
  };

  it.each([
    [
      'a web system’s export (title row, merged group header, contract cells merged over their instalments, 合计 row)',
      'contracts-webexport.xlsx',
    ],
    ['the same layout rewritten by LibreOffice', 'contracts-libreoffice.xlsx'],
  ])('%s', async (_name, file) => {
    const w = await company();
    const r = await w.call('import/run', { kind: 'contracts', file: fixture(file) });
    expect(r).toMatchObject({ committed: true, rows: { inserted: 5, invalid: 0 } });
    expectContracts(w);
  });

  it('instalments a fen short of the amount: refused with both sums on every row of that contract, nothing written', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const w = await company(lang);
      const r = await w.call('import/run', { kind: 'contracts', file: fixture('contracts-bad-sum-webexport.xlsx') });
      expect(r.committed).toBe(false);
      expect(r.errors.map((p) => [p.row, p.code])).toEqual([
        [7, 'instalments-sum'],
        [8, 'instalments-sum'],
      ]);
      expect(r.errors[0].message).toContain(
        lang === 'en'
          ? 'The instalments of HT2026-102 add up to ¥88888.87, but the contract amount is ¥88888.88'
          : '合同 HT2026-102 的分期付款合计 ¥88888.87，与合同金额 ¥88888.88 不一致',
      );
      expect([count(w, 'contracts'), count(w, 'contract_instalments')]).toEqual([0, 0]);
    }
  });

  it('numbers instalments by due date; a row that contradicts its contract, and a contract past draft, are refused', async () => {
    const w = await company();
    const head = ['合同编号', '客户', '合同金额', '应收日期', '分期金额'];
    await w.call('import/run', {
      kind: 'contracts',
      file: sheet([head, ['HT-9', 'K1', '300', '2026-12-01', '100'], ['HT-9', '', '', '2026-10-01', '200']]),
    });
    expect(w.ws.db.prepare('SELECT seq, due_date AS d, amount FROM contract_instalments ORDER BY seq').all()).toEqual([
      { seq: 1, d: '2026-10-01', amount: 20_000 },
      { seq: 2, d: '2026-12-01', amount: 10_000 },
    ]);
    const conflict = await w.call('import/run', {
      kind: 'contracts',
      file: sheet([head, ['HT-10', 'K1', '300', '2026-12-01', '100'], ['HT-10', 'K2', '300', '2026-10-01', '200']]),
    });
    expect(problemCodes(conflict)).toEqual(['contract-header-conflict']);
    w.ws.db.prepare("UPDATE contracts SET status = 'approved' WHERE contract_no = 'HT-9'").run();
    const late = await w.call('import/run', {
      kind: 'contracts',
      file: sheet([head, ['HT-9', 'K1', '300', '2026-12-01', '300']]),
    });
    expect(problemCodes(late)).toContain('contract-not-draft');
    expect(w.ws.db.prepare('SELECT sum(amount) FROM contract_instalments').pluck().get()).toBe(30_000);
    expect(count(w, 'contracts')).toBe(1);
  });

  it.each(['en', 'zh-CN'] as const)(
    'exports in %s (stages and yes/no in that language) and imports back unchanged; the template’s example imports',
    async (lang) => {
      const w = await company(lang);
      await w.call('import/run', { kind: 'contracts', file: fixture('contracts-webexport.xlsx') });
      await w.call('import/run', { kind: 'opportunities', file: fixture('opportunities-pandas.xlsx') });
      const before = w.ws.db.prepare('SELECT * FROM opportunities ORDER BY id').all();
      const dir = tmpDir('wb-si-ex-');
      for (const kind of ['contracts', 'opportunities']) {
        const out = path.join(dir, `${kind}.xlsx`);
        await w.call('export/run', { kind, out: { path: out } });
        const back = await w.call('import/run', { kind, file: { path: out } });
        expect(back.rows).toMatchObject({ invalid: 0, inserted: 0, updated: 0 });
        const template = path.join(dir, `${kind}-template.xlsx`);
        await w.call('import/template', { kind, out: { path: template } });
        const dry = await w.call('import/run', { kind, file: { path: template }, dryRun: true });
        // every cell of the example parses; only its made-up customer and people are unknown here
        expect(
          problemCodes(dry).filter((c) => !['unknown-customer', 'unknown-person', 'unknown-product'].includes(c)),
        ).toEqual([]);
        expect(dry.rows.read).toBe(1);
      }
      expectContracts(w);
      expect(w.ws.db.prepare('SELECT * FROM opportunities ORDER BY id').all()).toEqual(before);
    },
  );
});

describe('P4.4, P4.6 importing tickets from a LibreOffice workbook', () => {
  it('every field against the hand calculation, with the working-hour clock of a date-only ticket', async () => {
    const w = await company();
    const r = await w.call('import/run', { kind: 'tickets', file: fixture('tickets-libreoffice.xlsx') });
    expect(r).toMatchObject({ committed: true, rows: { inserted: 3 } });
    expect(
      w.ws.db
        .prepare(
          `SELECT ticket_no AS no, customer_id AS c, opened_date AS o, resolved_date AS r, department AS d, severity, complaint, target_hours AS h, status, staff_id AS s
           FROM tickets ORDER BY ticket_no`,
        )
        .all(),
    ).toEqual([
      {
        no: 'SR-LO-1',
        c: 1,
        o: '2026-03-02',
        r: '2026-03-03',
        d: '技术支持部',
        severity: 'critical',
        complaint: 1,
        h: 9,
        status: 'closed',
        s: 2,
      },
      {
        no: 'SR-LO-2',
        c: 2,
        o: '2026-03-06',
        r: null,
        d: '物流部',
        severity: 'medium',
        complaint: 0,
        h: 27,
        status: 'new',
        s: 5,
      },
      {
        no: 'SR-LO-3',
        c: 1,
        o: '2026-03-09',
        r: '2026-03-13',
        d: '财务部',
        severity: 'low',
        complaint: 0,
        h: 45,
        status: 'closed',
        s: null,
      },
    ]);
    // Mon 9 March 09:00 to Fri 13 March 18:00, no holiday that week: 5 days × 9 working hours
    const t = (await w.call('tickets/list', { asOf: '2026-03-20T09:00' })).find((x) => x.ticketNo === 'SR-LO-3');
    expect(t?.workingHours).toBe(45);
  });
});
