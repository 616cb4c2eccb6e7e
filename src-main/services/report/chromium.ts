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

type Browser = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launch']>>;

/** A browser being started: `spawned` settles once its process runs, `ready` once it can print. */
export interface LaunchedChromium {
  spawned: Promise<void>;
  ready: Promise<Browser>;
}

/** The process's children, from /proc (Linux); null where there is no /proc. */
function childPids(): Set<string> | null {
  try {
    const out = new Set<string>();
    for (const tid of fs.readdirSync('/proc/self/task'))
      for (const pid of fs.readFileSync(`/proc/self/task/${tid}/children`, 'utf8').split(' ')) if (pid) out.add(pid);
    return out;
  } catch {
    return null;
  }
}

/**
 * Settles once the launch has spawned Chromium's process (a new child in /proc), or at the latest after
 * `maxMs` (no /proc, or a slow start): Playwright does not say when it has spawned the browser.
 */
function whenSpawned(before: Set<string> | null, ready: Promise<unknown>, maxMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const started = Date.now();
    const tick = () => {
      const now = before ? childPids() : null;
      if (!now || [...now].some((p) => !before!.has(p)) || Date.now() - started >= maxMs) return resolve();
      setTimeout(tick, 10);
    };
    ready.then(
      () => resolve(),
      () => resolve(),
    );
    setTimeout(tick, before ? 10 : maxMs);
  });
}

/**
 * Starts the browser that prints. A caller with synchronous work to do first (computing a report) awaits
 * `spawned`, does that work while Chromium starts up on the other core, and then hands the launch to
 * htmlToPdf.
 */
export function launchChromium(): LaunchedChromium {
  const before = childPids();
  const ready = (async () => {
    const executablePath = findChromium();
    const { chromium } = await import('playwright-core');
    return chromium.launch({
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
  })();
  // a refusal is answered where `ready` is awaited, never unhandled meanwhile
  ready.catch(() => {});
  return { spawned: whenSpawned(before, ready, 500), ready };
}

/** Closes a browser that was started and is not needed after all (the work before printing failed). */
export function discardChromium(launched: LaunchedChromium | undefined): void {
  launched?.ready.then((b) => b.close()).catch(() => {});
}

/** Prints an HTML document to PDF with the page size its @page rules ask for (A4), then closes the browser. */
export async function htmlToPdf(
  html: string,
  checkCancelled: () => void = () => {},
  launched: LaunchedChromium = launchChromium(),
): Promise<Buffer> {
  const browser = await launched.ready;
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: 600_000 });
    checkCancelled();
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
