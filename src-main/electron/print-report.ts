import { app, BrowserWindow, dialog } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { contract } from '../contract';
import type { Result } from '../contract/define';
import type { Invoke } from './ipc';

const PRINT_OP = 'report/print';

/**
 * The desktop's printing of appraisal reports (P6.4): the same HTML as the CLI's, loaded into a hidden
 * window, then either the system print dialog (print one or all) or printToPDF into a file the user
 * picks. Wraps the invoker so that `report/print` never reaches the services, which know no Electron.
 */
export function withReportPrinting(invoke: Invoke, parent: () => BrowserWindow | undefined): Invoke {
  return async (name, input, jobId, lang) => {
    if (name !== PRINT_OP) return invoke(name, input, jobId, lang);
    const parsed = contract[PRINT_OP].input.safeParse(input ?? {});
    if (!parsed.success) return invoke(name, input, jobId, lang); // dispatch words the validation error
    const { quarter, person, mode } = parsed.data;
    const report = await invoke('report/appraisal-html', { quarter, ...(person ? { person } : {}) }, undefined, lang);
    if (!report.ok) return report;
    try {
      return { ok: true, value: await printHtml((report.value as { html: string }).html, mode, `appraisal-${quarter}${person ? `-${person}` : ''}`, parent()) };
    } catch (e) {
      return { ok: false, error: { code: 'report/print-failed', message: (e as Error).message } } satisfies Result<unknown>;
    }
  };
}

async function printHtml(html: string, mode: 'print' | 'pdf', base: string, owner: BrowserWindow | undefined): Promise<{ printed: boolean; file: string | null }> {
  // a file rather than a data: URL: all reports of a large company run to megabytes
  const file = path.join(app.getPath('temp'), `workbench-${process.pid}-${Date.now()}.html`);
  fs.writeFileSync(file, html, 'utf8');
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
  try {
    await win.loadFile(file);
    if (mode === 'print') {
      const printed = await new Promise<boolean>((resolve, reject) =>
        win.webContents.print({ silent: false, printBackground: true }, (ok, reason) => (ok || reason === 'cancelled' ? resolve(ok) : reject(new Error(reason)))),
      );
      return { printed, file: null };
    }
    const target = owner
      ? await dialog.showSaveDialog(owner, { defaultPath: `${base}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      : await dialog.showSaveDialog({ defaultPath: `${base}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (target.canceled || !target.filePath) return { printed: false, file: null };
    const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(target.filePath, pdf);
    return { printed: true, file: target.filePath };
  } finally {
    win.destroy();
    fs.rmSync(file, { force: true });
  }
}
