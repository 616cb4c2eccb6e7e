import { app, BrowserWindow, dialog } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { contract } from '../contract';
import type { Result } from '../contract/define';
import { t, type Lang } from '../i18n/messages';
import { writeFileOut } from '../services/files/write';
import type { Invoke } from './ipc';

const PRINT_OP = 'report/print';
/** The sales report (P2.6, P5.6) prints the same way, from its kept HTML. */
const SALES_PRINT_OP = 'sales-report/print';

/**
 * The desktop's printing of appraisal reports (P6.4): the same HTML as the CLI's, loaded into a hidden
 * window, then either the system print dialog (print one or all) or printToPDF into a file the user
 * picks. Wraps the invoker so that `report/print` never reaches the services, which know no Electron.
 */
export function withReportPrinting(
  invoke: Invoke,
  parent: () => BrowserWindow | undefined,
  appLang: () => Lang,
): Invoke {
  return async (name, input, jobId, callerLang) => {
    if (name === SALES_PRINT_OP) return printSalesReport(invoke, input, callerLang ?? appLang(), parent());
    if (name !== PRINT_OP) return invoke(name, input, jobId, callerLang);
    const parsed = contract[PRINT_OP].input.safeParse(input ?? {});
    if (!parsed.success) return invoke(name, input, jobId, callerLang); // dispatch words the validation error
    const { quarter, person, mode } = parsed.data;
    const report = await invoke(
      'report/appraisal-html',
      { quarter, ...(person ? { person } : {}) },
      undefined,
      callerLang,
    );
    if (!report.ok) return report;
    try {
      return {
        ok: true,
        value: await printHtml(
          (report.value as { html: string }).html,
          mode,
          `appraisal-${quarter}${person ? `-${person}` : ''}`,
          parent(),
        ),
      };
    } catch (e) {
      const reason = (e as Error).message;
      return {
        ok: false,
        error: {
          code: 'report/print-failed',
          message: t(callerLang ?? appLang(), 'errors.report/print-failed', { reason }),
          details: { reason },
        },
      } satisfies Result<unknown>;
    }
  };
}

async function printSalesReport(
  invoke: Invoke,
  input: unknown,
  lang: Lang,
  owner: BrowserWindow | undefined,
): Promise<Result<unknown>> {
  const parsed = contract[SALES_PRINT_OP].input.safeParse(input ?? {});
  if (!parsed.success) return invoke(SALES_PRINT_OP, input, undefined, lang);
  const report = await invoke('sales-report/html', { id: parsed.data.id }, undefined, lang);
  if (!report.ok) return report;
  try {
    return {
      ok: true,
      value: await printHtml(
        (report.value as { html: string }).html,
        parsed.data.mode,
        `sales-report-${parsed.data.id}`,
        owner,
      ),
    };
  } catch (e) {
    const reason = (e as Error).message;
    return {
      ok: false,
      error: {
        code: 'report/print-failed',
        message: t(lang, 'errors.report/print-failed', { reason }),
        details: { reason },
      },
    };
  }
}

async function printHtml(
  html: string,
  mode: 'print' | 'pdf',
  base: string,
  owner: BrowserWindow | undefined,
): Promise<{ printed: boolean; file: string | null }> {
  // a file rather than a data: URL: all reports of a large company run to megabytes
  const file = path.join(app.getPath('temp'), `workbench-${process.pid}-${Date.now()}.html`);
  fs.writeFileSync(file, html, 'utf8');
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, javascript: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await win.loadFile(file);
    if (mode === 'print') {
      const printed = await new Promise<boolean>((resolve, reject) =>
        win.webContents.print({ silent: false, printBackground: true }, (ok, reason) =>
          ok || reason === 'cancelled' ? resolve(ok) : reject(new Error(reason)),
        ),
      );
      return { printed, file: null };
    }
    const target = owner
      ? await dialog.showSaveDialog(owner, {
          defaultPath: `${base}.pdf`,
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        })
      : await dialog.showSaveDialog({ defaultPath: `${base}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (target.canceled || !target.filePath) return { printed: false, file: null };
    const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    // The path comes from main's own save dialog; written like every produced file (services/files/write.ts).
    const written = writeFileOut({ path: target.filePath }, path.basename(target.filePath), pdf, [
      path.extname(target.filePath).toLowerCase(),
    ]);
    return { printed: true, file: written.path };
  } finally {
    win.destroy();
    fs.rmSync(file, { force: true });
  }
}
