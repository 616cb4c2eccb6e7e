import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importInput } from '../src-main/contract/import';
import { Workspace } from '../src-main/db/workspace';
import { makeContext } from '../src-main/services/context';
import { createDemo } from '../src-main/services/demo';
import { commitImport } from '../src-main/services/import/commit';
import { readFileIn } from '../src-main/services/files/read';
import { getKind } from '../src-main/services/import/kinds';
import { analyse, readSource } from '../src-main/services/import/pipeline';

/**
 * The import engine alone, in a process of its own (bench/suites/import-export.ts runs it): the small
 * demo company, then parse + validate and commit of the file named on the command line, timed apart;
 * parsing (reading the file and finding its table) and validating (mapping, parsing and checking every
 * row) are also timed apart, as readMs and validateMs (parseValidateMs is their sum).
 * Prints one JSON line: milliseconds of each phase, rows inserted and the process's peak memory.
 */
const file = process.argv[2];
const ws = new Workspace(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-core-')));
const ctx = makeContext(ws, { lang: 'en' });
createDemo(ctx, { size: 'small', seed: 42 });
const input = importInput.parse({ kind: 'orders', file: { path: file } });
// CPU time beside wall time: on a machine shared with other work, CPU seconds are what this process spent.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = performance.now();
const c0 = cpu();
// The same steps analyse() takes with a file, the reading timed on its own.
const fileIn = readFileIn(ws.dataDir, input.file!);
const source = readSource(ctx, getKind(input.kind), fileIn, input);
const tRead = performance.now();
const cRead = cpu();
const analysis = analyse(ctx, { ...input, file: undefined, source: () => source });
const t1 = performance.now();
const c1 = cpu();
analysis.table.rows.length = 0;
const done = commitImport(ctx, analysis);
const t2 = performance.now();
const c2 = cpu();
const cpuMs = Math.round(cpu() - c0);
ws.close();
console.log(
  JSON.stringify({
    parseValidateMs: Math.round(t1 - t0),
    readMs: Math.round(tRead - t0),
    validateMs: Math.round(t1 - tRead),
    // CPU milliseconds of each step: on a busy machine they compare better than wall-clock ones.
    cpuSplitMs: [cRead - c0, c1 - cRead, c2 - c1].map(Math.round),
    commitMs: Math.round(t2 - t1),
    cpuMs,
    inserted: done.result.inserted,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
