import { parentPort, workerData } from 'node:worker_threads';
import { readTable } from '../../src-main/excel/read-table';
import { openWorkbook } from '../../src-main/excel/read-workbook';

/** Runs one read in a worker (see bounded-read.ts): the file's bytes come from the generator's buffer. */
const { bytes, name, how } = workerData as { bytes: Uint8Array; name: string; how: 'table' | 'sheets' };
const t0 = performance.now();
let result: { code: string | null; rows: number };
try {
  if (how === 'table') result = { code: null, rows: readTable(bytes, name).table.rows.length };
  else {
    // What `import survey` does: every sheet read whole, without the orders' header scoring.
    const wb = openWorkbook(bytes, name);
    let rows = 0;
    for (let i = 0; i < wb.sheetNames.length; i++) rows += wb.readSheet(i).rows.length;
    result = { code: null, rows };
  }
} catch (e) {
  result = { code: (e as { code?: string }).code ?? `thrown: ${(e as Error).message}`, rows: 0 };
}
parentPort!.postMessage({ ...result, ms: performance.now() - t0 });
