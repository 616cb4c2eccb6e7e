import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ImportPreview } from '../src-main/contract/import';
import { Workspace } from '../src-main/db/workspace';
import { dispatch } from '../src-main/runtime/dispatch';
import { makeContext } from '../src-main/services/context';
import { createDemo } from '../src-main/services/demo';
import { receiveUpload } from '../src-main/services/files/uploads';

/**
 * The wizard's two waits on one workbook, in a process of its own (bench/suites/import-wizard.ts runs
 * it): the first preview (the file as the window sends it, an upload, through the same dispatch as every
 * door, the answer serialised as IPC would) and then changing one column's field, which re-maps the
 * table the preview session holds. Beside them: exceljs loading the same bytes. Prints one JSON line.
 */
const file = process.argv[2];
const ws = new Workspace(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-wizard-')));
createDemo(makeContext(ws, { lang: 'zh-CN' }), { size: 'small', seed: 42 });
const bytes = fs.readFileSync(file);

/** The file as the window sends it: its bytes received as an upload, then named by the upload's id. */
async function upload(): Promise<{ upload: string }> {
  return { upload: (await receiveUpload(ws.dataDir, path.basename(file), [bytes])).upload };
}

async function preview(
  input: Record<string, unknown>,
  t0 = performance.now(),
): Promise<{ ms: number; value: ImportPreview }> {
  const r = await dispatch(ws, 'import/preview', input, { lang: 'zh-CN', actor: 'bench' });
  if (!r.ok) throw new Error(r.error.message);
  JSON.stringify(r.value);
  return { ms: performance.now() - t0, value: r.value as ImportPreview };
}

let t = performance.now();
const first = await preview({ kind: 'orders', file: await upload() }, t);
const p = first.value;
const remaps: number[] = [];
for (const customer of ['客户ID', '客户名称', '客户编号', '客户名称', '客户ID']) {
  remaps.push(
    (
      await preview({
        kind: 'orders',
        session: p.session,
        sheet: p.sheet,
        headerRow: p.headerRow,
        mapping: { ...p.mapping, customer },
      })
    ).ms,
  );
}
t = performance.now();
const again = await preview({ kind: 'orders', file: await upload() }, t);

const t0 = performance.now();
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(bytes as unknown as ArrayBuffer);
const exceljsMs = performance.now() - t0;
ws.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify({
    rows: p.rows.read,
    firstPreviewMs: Math.round(first.ms),
    warmPreviewMs: Math.round(again.ms),
    remapMedianMs: Math.round(median(remaps)),
    remapMaxMs: Math.round(Math.max(...remaps)),
    exceljsLoadMs: Math.round(exceljsMs),
    exceljsRows: wb.worksheets[0].rowCount,
  }),
);
