import fs from 'node:fs';
import { WorkbenchError } from '../../contract/errors';

/** Where Chromium, Chrome or Edge usually live on Linux, macOS and Windows. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The browser that prints PDFs from the CLI: $WORKBENCH_CHROMIUM, else the usual install paths. */
function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const wanted = env.WORKBENCH_CHROMIUM?.trim();
  if (wanted) {
    if (fs.existsSync(wanted)) return wanted;
    throw new WorkbenchError('report/no-browser', { path: wanted });
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) throw new WorkbenchError('report/no-browser', { path: CANDIDATES.slice(0, 3).join(', ') });
  return found;
}

/** Prints an HTML document to PDF with the page size its @page rules ask for (A4). */
export async function htmlToPdf(html: string, checkCancelled: () => void = () => {}): Promise<Buffer> {
  const executablePath = findChromium();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: 600_000 });
    checkCancelled();
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
