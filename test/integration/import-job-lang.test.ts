import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToSerial } from '../../src-main/excel/cell';
import { writeXlsx } from '../../src-main/excel/xlsx-writer';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { tmpDir, tmpWorkspace } from '../support/workspace';

/**
 * Issue 10 item 12: a job (here the problem-rows download, run in a worker thread) speaks the language
 * of the window that started it, although the computer's language (the server's default) is English;
 * and the problem-rows file keeps dates as dates, with their time of day, and numbers as numbers.
 */
let env: ReturnType<typeof tmpWorkspace>;
let server: WebServer;
let base64: string;

const NOON = isoToSerial('2025-03-06') + 0.5;

beforeAll(async () => {
  env = tmpWorkspace('en');
  await env.call('staff/create', { employeeNo: 'S0001', name: '周杰' });
  const columns = [
    { header: '订单编号', format: 'text' as const },
    { header: '下单日期', format: 'date' as const },
    { header: '销售员', format: 'text' as const },
    { header: '金额', format: 'number' as const },
  ];
  const rows = [
    ['SO-1', '2025-03-05', 'S0001', 1200.5],
    ['SO-2', NOON, 'S9999', 800.25],
    ['SO-3', '2025-03-07', 'S0001', 'abc'],
  ];
  base64 = Buffer.from(writeXlsx([{ name: '订单', columns, rows }])).toString('base64');
  // No static files are served here; the folder only has to exist.
  server = await startWebServer({ ws: env.ws, port: 0, lang: () => 'en', staticDir: tmpDir() });
});
afterAll(async () => {
  await server.close();
  env.ws.close();
});

async function problems(lang: string) {
  // The page hands the file over as an upload (issue 17 item 12), then names it by its id.
  const up = await fetch(`http://127.0.0.1:${server.port}/api/upload?name=orders.xlsx`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-workbench-token': server.token },
    body: Buffer.from(base64, 'base64'),
  });
  const uploaded = (await up.json()) as { ok: boolean; value: { upload: string } };
  expect(uploaded.ok).toBe(true);
  const res = await fetch(`http://127.0.0.1:${server.port}/api/invoke/import/problems`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-token': server.token, 'x-workbench-lang': lang },
    body: JSON.stringify({ input: { kind: 'orders', file: { upload: uploaded.value.upload } } }),
  });
  const body = (await res.json()) as { ok: boolean; value: { name: string; base64: string; rows: number } };
  expect(body.ok).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(body.value.base64, 'base64') as unknown as ArrayBuffer);
  return { name: body.value.name, rows: body.value.rows, sheet: wb.worksheets[0] };
}

describe('a job started from a Chinese window on an English computer (issue 10 item 12)', () => {
  it('writes a Chinese problem-rows file with real dates and the original numbers', async () => {
    const { name, rows, sheet } = await problems('zh-CN');
    expect(name).toBe('orders-问题行.xlsx');
    expect(rows).toBe(2);
    expect(sheet.getRow(1).values).toEqual([undefined, '订单编号', '下单日期', '销售员', '金额', '原行号', '问题']);
    const second = sheet.getRow(2);
    expect(second.getCell(1).value).toBe('SO-2');
    // A date cell, not the text "2025-03-06": with its time of day, and shown as a date.
    expect(second.getCell(2).value).toEqual(new Date(Date.UTC(2025, 2, 6, 12, 0, 0)));
    expect(second.getCell(2).numFmt).toMatch(/yy/);
    expect(second.getCell(4).value).toBe(800.25);
    expect(second.getCell(5).value).toBe(3);
    expect(second.getCell(6).value).toBe('销售员: 没有工号或姓名为“S9999”的销售人员');
    const third = sheet.getRow(3);
    expect(third.getCell(2).value).toEqual(new Date(Date.UTC(2025, 2, 7)));
    expect(third.getCell(4).value).toBe('abc');
    expect(String(third.getCell(6).value)).toMatch(/^金额: 不是数字/);
  });

  it('the same job from an English window writes English', async () => {
    const { name, sheet } = await problems('en');
    expect(name).toMatch(/^orders-.+\.xlsx$/);
    expect(name).not.toContain('问题行');
    expect(sheet.getRow(1).values).toContain('Problem');
    // The column's own header stays as the sheet has it; the message is English.
    expect(String(sheet.getRow(2).getCell(6).value)).toMatch(/^销售员: [^\u4e00-\u9fff]*S9999[^\u4e00-\u9fff]*$/);
  });
});
