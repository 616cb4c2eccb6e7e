import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../src-main/db/backup';
import { DB_FILE, Workspace } from '../../src-main/db/workspace';
import { putSetting } from '../../src-main/services/system/settings';
import { launchChromium, openWorkbenchPage, readDatabase, startWeb, type RunningWeb } from '../support/browser';
import { tmpDir } from '../support/workspace';

// Issue 17, item 2: browser mode on a damaged database shows the recovery screen, not an error box,
// and restores the newest good backup from there.
let browser: Browser;
let web: RunningWeb | undefined;
const dataDir = tmpDir('wb-e2e-');
let backup = '';

beforeAll(async () => {
  const ws = new Workspace(dataDir);
  putSetting(ws.db, 'companyName', 'Backed up');
  putSetting(ws.db, 'onboarded', '1');
  backup = writeBackup(ws.db, dataDir, 'manual').name;
  putSetting(ws.db, 'companyName', 'Lost');
  ws.close();
  const file = path.join(dataDir, DB_FILE);
  const bytes = fs.readFileSync(file);
  bytes.fill(0x41, 0, 100);
  fs.writeFileSync(file, bytes);
  browser = await launchChromium();
  web = await startWeb(dataDir);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('recovery screen (issue 17, item 2)', () => {
  it('offers the newest good backup, restores it, and the workbench opens on the restored data', async () => {
    const page = await openWorkbenchPage(browser, web!);
    const screen = page.getByTestId('recovery');
    await screen.waitFor();
    await expect(screen.textContent()).resolves.toContain(path.join(dataDir, DB_FILE));
    await page.getByTestId('recovery-restore-newest').click();
    await page.getByTestId('company-name').getByText('Backed up').waitFor();
    expect(
      readDatabase(dataDir)((d) => d.prepare("SELECT value FROM settings WHERE key = 'companyName'").pluck().get()),
    ).toBe('Backed up');
    // The damaged file is kept aside, byte for byte.
    const kept = fs.readdirSync(path.join(dataDir, 'damaged')).filter((n) => n.endsWith('.db'));
    expect(kept).toHaveLength(1);
    expect(
      fs
        .readFileSync(path.join(dataDir, 'damaged', kept[0]))
        .subarray(0, 100)
        .every((b) => b === 0x41),
    ).toBe(true);
    expect(backup).toMatch(/manual/);
    await page.context().close();
  });
});
