import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { Workspace } from '../../src-main/db/workspace';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningWeb {
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
  stop(): Promise<number | null>;
}

/**
 * Starts browser mode exactly as users do (`npm run -s web`: the built out/node/web.js, which the e2e project
 * rebuilds first when src-main changed), on a free port, and waits for its address line.
 */
export async function startWeb(dataDir: string, extra: string[] = []): Promise<RunningWeb> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'out/node/web.js'), '--port', '0', '--data-dir', dataDir, ...extra],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    },
  );
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web server did not start: ${stderr}`)), 60_000);
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /^Workbench: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`web server exited with ${code}: ${stderr}`)));
  });
  const u = new URL(url);
  return {
    url,
    port: Number(u.port),
    token: u.searchParams.get('token')!,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

export function chromiumPath(): string {
  const candidates = [process.env.WORKBENCH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: apt-get install chromium, or set WORKBENCH_CHROMIUM');
  return found;
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenOptions {
  width?: number;
  downloads?: boolean;
  /** Called before the first navigation, e.g. to listen to the console from the very start. */
  beforeLoad?: (page: Page) => void;
}

/** A fresh browser context (English, 1440×900 unless told) on the running workbench, with page errors logged. */
export async function openWorkbenchPage(browser: Browser, web: RunningWeb, hash = '', options: OpenOptions = {}) {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: options.width ?? 1440, height: 900 },
    acceptDownloads: options.downloads ?? false,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  options.beforeLoad?.(page);
  await page.goto(`${web.url}${hash}`);
  return page;
}

/** Reads the database of a data folder a running workbench holds, read-only, for checking what the UI wrote. */
/** Calls an operation from inside the page, as the screens do (same origin, the run's token). */
export async function invokeInPage<T>(page: Page, token: string, name: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([n, i, tk]) =>
      (
        await fetch(`/api/invoke/${n}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Workbench-Token': tk },
          body: JSON.stringify({ input: i }),
        })
      ).json(),
    [name, input, token] as const,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

export function readDatabase(dataDir: string) {
  return <T>(f: (d: Database.Database) => T): T => {
    const d = new Database(path.join(dataDir, 'workbench.db'), { readonly: true });
    try {
      return f(d);
    } finally {
      d.close();
    }
  };
}

/**
 * The workbench one end-to-end file tests: before its tests, `seed` fills the data folder through an open
 * Workspace (closed afterwards), then Chromium and browser mode start on it; both stop after the tests.
 */
export function workbenchInBrowser(dataDir: string, seed: (ws: Workspace) => unknown, webArgs: string[] = []) {
  let browser: Browser | undefined;
  let web: RunningWeb | undefined;
  beforeAll(async () => {
    const ws = new Workspace(dataDir);
    try {
      await seed(ws);
    } finally {
      ws.close();
    }
    browser = await launchChromium();
    web = await startWeb(dataDir, webArgs);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });
  return {
    get web(): RunningWeb {
      return web!;
    },
    open: (hash = '', options: OpenOptions = {}) => openWorkbenchPage(browser!, web!, hash, options),
  };
}
