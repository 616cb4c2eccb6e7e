import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The bench's 100,000-order workbook as other programs write it (issue #10 item 16), made once in
 * bench/.cache from the exceljs file: by pandas (read_excel, then DataFrame.to_excel through openpyxl:
 * inline strings) and by LibreOffice Calc (soffice --convert-to xlsx). Each is skipped, with the reason, when its
 * program is not installed (Debian: python3-pandas python3-openpyxl; libreoffice-calc-nogui).
 */
export interface WriterFile {
  writer: string;
  file: string | null;
  /** Why there is no file (the program is missing or failed). */
  skipped?: string;
}

/** A Python with pandas and openpyxl, or null. Debian's own python3 first: a pyenv shim may lack them. */
export function pandasPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import pandas, openpyxl'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

export function soffice(): string | null {
  for (const exe of ['soffice', 'libreoffice']) {
    const r = spawnSync(exe, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return exe;
  }
  return null;
}

// pandas reads the exceljs file itself (once, cached), so the copy owes nothing to the workbench's reader.
const TO_EXCEL = `
import sys, pandas as pd
df = pd.read_excel(sys.argv[1], dtype={'订单编号': str, '客户名称': str, '销售员': str, '产品名称': str})
df.to_excel(sys.argv[2], sheet_name='销售明细', index=False, engine='openpyxl')
`;

export function makeWriterFiles(cacheDir: string, exceljsFile: string): WriterFile[] {
  const out: WriterFile[] = [];
  const py = pandasPython();
  const openpyxlFile = path.join(cacheDir, 'orders-100k-openpyxl.xlsx');
  if (!py) out.push({ writer: 'pandas/openpyxl', file: null, skipped: 'python3 with pandas and openpyxl not found' });
  else {
    if (!fs.existsSync(openpyxlFile)) {
      const r = spawnSync(py, ['-c', TO_EXCEL, exceljsFile, `${openpyxlFile}.part.xlsx`], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`pandas to_excel failed: ${r.stderr}`);
      fs.renameSync(`${openpyxlFile}.part.xlsx`, openpyxlFile);
    }
    out.push({ writer: 'pandas/openpyxl', file: openpyxlFile });
  }
  const lo = soffice();
  const loFile = path.join(cacheDir, 'orders-100k-libreoffice.xlsx');
  if (!lo) out.push({ writer: 'LibreOffice', file: null, skipped: 'soffice not found' });
  else {
    if (!fs.existsSync(loFile)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-lo-'));
      // A private profile: a LibreOffice already open on the desktop would otherwise take the job.
      const r = spawnSync(
        lo,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          dir,
          exceljsFile,
        ],
        { encoding: 'utf8', timeout: 600_000 },
      );
      const made = path.join(dir, path.basename(exceljsFile));
      if (r.status !== 0 || !fs.existsSync(made)) throw new Error(`soffice --convert-to xlsx failed: ${r.stderr}`);
      fs.copyFileSync(made, loFile);
    }
    out.push({ writer: 'LibreOffice', file: loFile });
  }
  return out;
}

/** pandas.read_excel's wall-clock and CPU seconds on a file, or null without pandas. */
export function pandasRead(file: string): { seconds: number; cpuSeconds: number } | null {
  const py = pandasPython();
  if (!py) return null;
  const code =
    'import sys, time, pandas as pd\nt = time.perf_counter()\nc = time.process_time()\ndf = pd.read_excel(sys.argv[1])\nprint(time.perf_counter() - t, time.process_time() - c, len(df))';
  const r = spawnSync(py, ['-c', code, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pandas.read_excel failed: ${r.stderr}`);
  const [seconds, cpuSeconds] = r.stdout.trim().split(/\s+/).map(Number);
  return { seconds, cpuSeconds };
}
