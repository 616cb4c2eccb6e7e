import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src-main/excel/xlsx-writer';
import { seedSalesCompany } from '../support/sales-fixture';
import { tmpDir, tmpWorkspace } from '../support/workspace';

/** A sheet of tickets as a service desk keeps it, written as .xlsx. */
function sheet(rows: unknown[][]): { path: string } {
  const p = path.join(tmpDir('wb-tk-'), 'tickets.xlsx');
  const [header, ...data] = rows;
  fs.writeFileSync(
    p,
    writeXlsx([
      { name: '工单', columns: (header as string[]).map((h) => ({ header: h, format: 'text' })), rows: data as never },
    ]),
  );
  return { path: p };
}

const HEADER = ['工单号', '客户', '受理日期', '解决日期', '部门', '严重程度', '投诉', '问题描述', '销售员'];

describe('P4.4, P4.6 importing after-sales tickets', () => {
  it('imports by ticket number with the severity’s working-hour target; the same file again changes nothing', async () => {
    const w = tmpWorkspace();
    seedSalesCompany(w.ws.db);
    const file = sheet([
      HEADER,
      ['SR-1', 'K1', '2026-03-02', '2026-03-03', '技术支持部', '紧急', '是', '设备重启', 'S1'],
      ['SR-2', '客户乙', '2026-03-05', '', '物流部', '中', '否', '到货延误', ''],
    ]);
    const r = await w.call('import/run', { kind: 'tickets', file });
    expect(r).toMatchObject({ committed: true, rows: { inserted: 2 } });
    expect(
      w.ws.db
        .prepare(
          'SELECT ticket_no, customer_id, severity, complaint, target_hours, status, staff_id FROM tickets ORDER BY ticket_no',
        )
        .all(),
    ).toEqual([
      {
        ticket_no: 'SR-1',
        customer_id: 1,
        severity: 'critical',
        complaint: 1,
        target_hours: 9,
        status: 'closed',
        staff_id: 2,
      },
      {
        ticket_no: 'SR-2',
        customer_id: 2,
        severity: 'medium',
        complaint: 0,
        target_hours: 27,
        status: 'new',
        staff_id: null,
      },
    ]);
    // Mon 2 March 09:00 → Tue 3 March 18:00 (a date only): 18 working hours, past the 9 h target
    expect(
      (await w.call('tickets/list', { asOf: '2026-03-10T09:00' })).find((t) => t.ticketNo === 'SR-1'),
    ).toMatchObject({ workingHours: 18, sla: 'breached' });
    expect(await w.call('import/run', { kind: 'tickets', file })).toMatchObject({
      committed: true,
      rows: { inserted: 0, updated: 0 },
    });
  });

  it('refuses a ticket resolved before it was opened, an unknown customer or department; nothing is written', async () => {
    const w = tmpWorkspace('zh-CN');
    seedSalesCompany(w.ws.db);
    const file = sheet([
      HEADER,
      ['SR-1', 'K1', '2026-03-05', '2026-03-03', '技术支持部', '高', '否', '', ''],
      ['SR-2', '不存在的客户', '2026-03-05', '', '技术支持部', '高', '否', '', ''],
      ['SR-3', 'K1', '2026-03-05', '', '行政部', '高', '否', '', ''],
      ['SR-4', 'K1', '2026-03-05', '', '技术支持部', '高', '否', '', ''],
    ]);
    const r = await w.call('import/run', { kind: 'tickets', file });
    expect(r).toMatchObject({ committed: false, refused: true });
    expect(r.errors.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(r.errors[0].message).toContain('早于受理日期');
    expect(w.ws.db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(0);
  });
});
