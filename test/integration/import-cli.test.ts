import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../support/workspace';
import { cli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const FIX = path.join(ROOT, 'test/fixtures/import');

describe('import/export on the command line (cli.md "Import: what the JSON says")', () => {
  it('import --json gives exactly the documented shape; re-import inserts nothing; invalid rows exit 1 with committed false', () => {
    const dir = tmpDir();
    expect(cli(['--data-dir', dir, 'import', 'staff', path.join(FIX, 'staff-exceljs.xlsx')]).status).toBe(0);
    const csv = path.join(dir, 'orders.csv');
    fs.writeFileSync(
      csv,
      '\ufeff单号,下单日期,业务员,金额\r\nX1,2025-03-05,T100,"¥1,000"\r\nX2,2025/3/6,赵敏,200\r\n合计,,,1200\r\n',
    );
    const r = cli(['--data-dir', dir, '--json', 'import', 'orders', csv]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      kind: 'orders',
      file: 'orders.csv',
      sheet: 'orders',
      headerRow: 1,
      mapping: { orderNo: '单号', date: '下单日期', salesperson: '业务员', amount: '金额' },
      rows: { read: 3, valid: 2, invalid: 0, skipped: 1, inserted: 2, updated: 0 },
      errors: [],
      committed: true,
    });
    const again = JSON.parse(cli(['--data-dir', dir, '--json', 'import', 'orders', csv]).stdout);
    expect(again.rows).toMatchObject({ inserted: 0, updated: 0 });

    fs.writeFileSync(csv, '单号,下单日期,金额\nY1,2025-13-45,5\nY2,2025-01-01,6\n');
    const bad = cli(['--data-dir', dir, '--json', 'import', 'orders', csv]);
    expect(bad.status).toBe(1);
    const b = JSON.parse(bad.stdout);
    expect(b).toMatchObject({ committed: false, rows: { invalid: 1, inserted: 0 } });
    expect(b.errors[0]).toMatchObject({ row: 2, column: '下单日期', value: '2025-13-45' });
    expect(bad.stderr).toContain('--skip-invalid');
    const skip = cli(['--data-dir', dir, '--json', 'import', 'orders', csv, '--skip-invalid']);
    expect(skip.status).toBe(0);
    expect(JSON.parse(skip.stdout).rows.inserted).toBe(1);
    const dry = cli(['--data-dir', dir, '--json', 'import', 'orders', csv, '--dry-run', '--map', 'date=下单日期']);
    expect(JSON.parse(dry.stdout).records).toEqual([
      {
        orderNo: 'Y2',
        line: 1,
        date: '2025-01-01',
        customer: null,
        salesperson: null,
        product: null,
        quantity: 1,
        unitPrice: 6,
        amount: 6,
        profit: null,
        channel: null,
      },
    ]);
  }, 60_000);

  it('refused files exit 1 with a one-line message and no stack trace; wrong usage exits 2', () => {
    const dir = tmpDir();
    for (const f of ['bad-random.xlsx', 'bad-truncated.xlsx', 'bad-password.xlsx', 'bad-empty.xlsx']) {
      const r = cli(['--data-dir', dir, '--json', 'import', 'orders', path.join(FIX, f)]);
      expect(r.status, f).toBe(1);
      expect(JSON.parse(r.stdout).ok).toBe(false);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(cli(['--data-dir', dir, 'import', 'orders']).status).toBe(2);
    expect(cli(['--data-dir', dir, 'import', 'orders', 'x.xlsx', '--map', 'nonsense']).status).toBe(2);
    expect(cli(['--data-dir', dir, 'import', 'orders', 'x.xlsx', '--header-row', 'two']).status).toBe(2);
    expect(cli(['--data-dir', dir, 'export', 'orders', 'x.txt']).status).toBe(2);
    expect(cli(['--data-dir', dir, 'import', 'undo', 'abc']).status).toBe(2);
  }, 60_000);

  it('export → import round trip, history and undo from the command line', () => {
    const dir = tmpDir();
    expect(cli(['--data-dir', dir, 'import', 'staff', path.join(FIX, 'staff-exceljs.xlsx')]).status).toBe(0);
    const out = path.join(dir, 'staff.xlsx');
    const ex = cli(['--data-dir', dir, '--lang', 'zh-CN', 'export', 'staff', out]);
    expect(ex.status, ex.stderr).toBe(0);
    const back = JSON.parse(cli(['--data-dir', dir, '--json', 'import', 'staff', out]).stdout);
    expect(back.rows).toMatchObject({ read: 3, inserted: 0, updated: 0, unchanged: 3 });
    const hist = JSON.parse(cli(['--data-dir', dir, '--json', 'import', 'history']).stdout);
    expect(hist).toHaveLength(2);
    // The re-import changed nothing, so the first import can be undone on its own; then the people are gone.
    const undo = cli(['--data-dir', dir, '--json', 'import', 'undo', String(hist[1].id)]);
    expect(undo.status, undo.stderr).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ undone: hist[1].id, deleted: 4 });
    const again = cli(['--data-dir', dir, '--json', 'import', 'undo', String(hist[1].id)]);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout).error.code).toBe('import/already-undone');
    const tpl = path.join(dir, 'template.xlsx');
    expect(cli(['--data-dir', dir, 'import', 'template', 'orders', tpl]).status).toBe(0);
    expect(fs.statSync(tpl).size).toBeGreaterThan(1000);
  }, 60_000);
});
