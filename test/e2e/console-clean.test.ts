import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/runtime/dispatch';
import { isBuildFresh } from '../../src-main/runtime/static-files';
import { workbenchInBrowser, type OpenOptions } from '../support/browser';
import { tmpDir } from '../support/workspace';

// Issue 11 item 12: no console error or warning on any screen, served from the build (as users get it)
// and from the sources (Vite, as developers run it: antd's deprecation warnings only show there).
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENS = [
  '#/welcome',
  '#/home',
  '#/plans',
  '#/plans?tab=suggestions',
  '#/plans?tab=market',
  '#/plans?tab=strategy',
  '#/reports',
  '#/dashboard',
  '#/team',
  '#/targets',
  '#/customers',
  '#/orders',
  '#/surveys',
  '#/surveys/import',
  '#/surveys/1',
  '#/appraisals',
  '#/import-export',
  '#/settings',
  '#/pipeline',
  '#/contracts',
  '#/service',
];

const demo = async (ws: Parameters<Parameters<typeof workbenchInBrowser>[1]>[0]) => {
  const r = await dispatch(ws, 'demo/create', { size: 'small' }, { lang: 'en', actor: 'tester' });
  if (!r.ok) throw new Error(r.error.message);
};

/** Opens a screen and returns what the page logged as an error or a warning until it settled. */
async function consoleOf(open: (hash: string, options: OpenOptions) => Promise<Page>, hash: string): Promise<string[]> {
  const logged: string[] = [];
  const listen = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') logged.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => logged.push(`page error: ${e.message}`));
  };
  const page = await open(hash, { beforeLoad: listen });
  // Settled: the screen has rendered and no spinner is left (the first visit compiles it under Vite).
  await page.waitForFunction(
    () => document.querySelector('.ant-layout, .wb-welcome, main') && !document.querySelector('.ant-spin-spinning'),
    null,
    { timeout: 150_000 },
  );
  await page.waitForTimeout(1500);
  await page.context().close();
  return logged;
}

describe('every screen, served from the build: no console error or warning', () => {
  const wb = workbenchInBrowser(tmpDir('wb-e2e-console-built-'), demo);
  it.each(SCREENS)('%s', async (hash) => {
    // `npm test` builds before the e2e tests; a stale build would be served from the sources instead.
    expect(
      isBuildFresh(path.join(ROOT, 'out/renderer'), [
        path.join(ROOT, 'src-renderer'),
        path.join(ROOT, 'src-shared'),
        path.join(ROOT, 'src-main/contract'),
      ]),
      'out/renderer is out of date: npm run build',
    ).toBe(true);
    expect(await consoleOf(wb.open, hash)).toEqual([]);
  });
});

describe('every screen, served from the sources (--dev): no console error or warning', () => {
  const wb = workbenchInBrowser(tmpDir('wb-e2e-console-dev-'), demo, ['--dev']);
  it.each(SCREENS)('%s', async (hash) => {
    expect(await consoleOf(wb.open, hash)).toEqual([]);
  });
});
