import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { MissingColumnsDetails } from '../../src-main/contract/import';
import { writeXlsx } from '../../src-main/excel/xlsx-writer';
import { runCli } from '../../src-main/cli/run';
import { tmpDir, tmpWorkspace } from '../support/workspace';

/**
 * Issue 10 items 11 and 15: a sheet whose required columns the workbench does not recognise is refused
 * with structured details (each door words them: the CLI names --map, the wizard offers the columns),
 * and the wizard's preview holds the file in a session, so that choosing a column re-maps the table
 * already read (the file may even be gone from disk by then).
 */
const HEADERS = ['Beleg', '客户', 'Datum', '金额', '销售员'];
const DATA: [string, string, string, number, string][] = [
  ['SO-1', '甲公司', '2025-03-05', 1200.5, 'S0001'],
  ['SO-2', '乙公司', '2025-03-06', 800, 'S0002'],
  ['SO-3', '甲公司', '2025-04-01', 99.99, 'S0001'],
];

function sheet(dir: string): string {
  const p = path.join(dir, 'orders-unnamed.xlsx');
  const columns = HEADERS.map((header) => ({
    header,
    format: header === 'Datum' ? ('date' as const) : header === '金额' ? ('number' as const) : ('text' as const),
  }));
  fs.writeFileSync(p, writeXlsx([{ name: '订单', columns, rows: DATA }]));
  return p;
}

async function company() {
  const w = tmpWorkspace('en');
  await w.call('staff/create', { employeeNo: 'S0001', name: '周杰' });
  await w.call('staff/create', { employeeNo: 'S0002', name: '吴芳' });
  return w;
}

const count = (w: Awaited<ReturnType<typeof company>>, table: string) =>
  (w.ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('missing required columns: a structured refusal each door words (issue 10 item 11)', () => {
  it('import/run refuses with the missing field keys, the sheet and its headers; no door-specific hint in the message', async () => {
    const w = await company();
    const file = { path: sheet(tmpDir('wb-wiz-')) };
    for (const lang of ['en', 'zh-CN'] as const) {
      const r = await w.attempt('import/run', { kind: 'orders', file }, lang);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('import/missing-columns');
      const d = r.error.details as unknown as MissingColumnsDetails;
      expect(d.missing).toEqual(['orderNo', 'date']);
      expect(d.headers).toEqual(HEADERS);
      expect([d.sheet, d.headerRow]).toEqual(['订单', 1]);
      expect(r.error.message).not.toContain('--map');
      expect(r.error.message).toContain(lang === 'en' ? 'Order no, Order date' : '订单编号、下单日期');
    }
    expect(count(w, 'orders')).toBe(0);
  });

  it('the CLI words the same refusal with its own option, --map, naming the field keys', async () => {
    const dir = tmpDir('wb-wiz-cli-');
    const file = sheet(dir);
    let out = '';
    let err = '';
    const sink = (add: (s: string) => void) => new Writable({ write: (c, _e, cb) => (add(String(c)), cb()) });
    const io = { out: sink((s) => (out += s)), err: sink((s) => (err += s)) } as unknown as Parameters<
      typeof runCli
    >[1];
    const status = await runCli(['--data-dir', dir, '--lang', 'zh-CN', 'import', 'orders', file], io);
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('(import/missing-columns)');
    expect(err).toContain('请用 --map 字段=列名 指定这些字段的列：orderNo, date。');
    // With --json the same refusal keeps its structured details for a script.
    out = '';
    expect(await runCli(['--data-dir', dir, '--json', 'import', 'orders', file], io)).toBe(1);
    expect(JSON.parse(out)).toMatchObject({
      ok: false,
      error: { code: 'import/missing-columns', details: { missing: ['orderNo', 'date'], headers: HEADERS } },
    });
  });
});

describe('the wizard’s preview session (issue 10 items 11 and 15)', () => {
  it('goes on to the mapping with the missing fields listed, then re-maps the held table after the file is gone', async () => {
    const w = await company();
    const dir = tmpDir('wb-wiz-');
    const file = { path: sheet(dir) };
    const first = await w.call('import/preview', { kind: 'orders', file });
    expect(first.missing).toEqual(['orderNo', 'date']);
    expect(first.session).toMatch(/^[0-9a-f-]{36}$/);
    // Every column is offered; the rows wait: read, none valid, none invalid.
    expect(first.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(first.rows).toMatchObject({ read: 3, valid: 0, invalid: 0 });
    expect(first.sample.map((s) => s.cells[0])).toEqual(['SO-1', 'SO-2', 'SO-3']);

    // Re-mapping never reads the file again: it is not there any more.
    fs.rmSync(dir, { recursive: true });
    const half = await w.call('import/preview', {
      kind: 'orders',
      session: first.session,
      sheet: first.sheet,
      headerRow: first.headerRow,
      mapping: { orderNo: 'Beleg' },
    });
    expect(half.missing).toEqual(['date']);
    expect(half.session).toBe(first.session);
    const mapped = await w.call('import/preview', {
      kind: 'orders',
      session: first.session,
      sheet: first.sheet,
      headerRow: first.headerRow,
      mapping: { orderNo: 'Beleg', date: 'C' },
    });
    expect(mapped.missing).toEqual([]);
    expect(mapped.mapping).toMatchObject({
      orderNo: 'Beleg',
      date: 'Datum',
      customer: '客户',
      amount: '金额',
      salesperson: '销售员',
    });
    expect(mapped.rows).toMatchObject({ read: 3, valid: 3, invalid: 0 });
    // Another kind for the same file reads the held bytes (the staff kind needs its own columns).
    const asStaff = await w.call('import/preview', { kind: 'staff', session: first.session });
    expect(asStaff).toMatchObject({ kind: 'staff', session: first.session });
    expect(asStaff.missing).toContain('employeeNo');
    expect(count(w, 'orders')).toBe(0);
  });

  it('the mapping chosen in the preview imports the rows with the values of the cells', async () => {
    const w = await company();
    const dir = tmpDir('wb-wiz-');
    const file = { path: sheet(dir) };
    const mapping = { orderNo: 'Beleg', date: 'Datum' };
    const p = await w.call('import/preview', { kind: 'orders', file, mapping });
    const r = await w.call('import/run', {
      kind: 'orders',
      file,
      sheet: p.sheet,
      headerRow: p.headerRow,
      mapping: p.mapping,
    });
    expect(r).toMatchObject({ committed: true, rows: { inserted: 3, invalid: 0 } });
    const rows = w.ws.db.prepare('SELECT order_no AS no, date, amount AS fen FROM orders ORDER BY order_no').all();
    expect(rows).toEqual(DATA.map(([no, , date, yuan]) => ({ no, date, fen: Math.round(yuan * 100) })));
  });

  it('only the last few files are held: the oldest session is set aside and says so', async () => {
    const w = await company();
    const file = { path: sheet(tmpDir('wb-wiz-')) };
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await w.call('import/preview', { kind: 'orders', file })).session);
    expect(new Set(ids).size).toBe(4);
    const oldest = await w.attempt('import/preview', { kind: 'orders', session: ids[0] });
    expect(!oldest.ok && oldest.error.code).toBe('import/session-expired');
    const newest = await w.attempt('import/preview', { kind: 'orders', session: ids[3] });
    expect(newest.ok).toBe(true);
  });

  it('an unknown session is refused with its own code; a preview needs a file or a session', async () => {
    const w = await company();
    const gone = await w.attempt('import/preview', { kind: 'orders', session: 'no-such-session' }, 'zh-CN');
    expect(!gone.ok && gone.error.code).toBe('import/session-expired');
    if (!gone.ok) expect(gone.error.message).toContain('重新选择文件');
    const none = await w.attempt('import/preview', { kind: 'orders' });
    expect(!none.ok && none.error.code).toBe('request/invalid-input');
    if (!none.ok) expect(none.error.message).toContain('choose a file');
  });
});
