import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src-main/i18n/messages';
import { dispatch } from '../../src-main/runtime/dispatch';
import { seedSalesCompany } from '../support/sales-fixture';
import { tmpDir, tmpWorkspace } from '../support/workspace';

vi.mock('electron', () => ({ shell: { openPath: vi.fn() } }));
const { withScanViewer } = await import('../../src-main/electron/scan-viewer');

/** A contract with one attached scan, and the desktop's invoker over the real dispatch (door ipc). */
async function desktop() {
  const w = tmpWorkspace();
  seedSalesCompany(w.ws.db);
  await w.call('contracts/create', {
    contractNo: 'HT-1',
    customerId: 1,
    ownerId: 2,
    amount: 1000,
    instalments: [{ dueDate: '2026-09-30', amount: 1000 }],
  });
  const src = path.join(tmpDir('wb-scan-'), 'signed.pdf');
  fs.writeFileSync(src, '%PDF-1.4 signed');
  const d = await w.call('contracts/attach', { contract: 'HT-1', file: { path: src } });
  const calls: string[] = [];
  const invoke = (name: string, input: unknown, _jobId?: string, lang?: Lang) => {
    calls.push(name);
    return dispatch(w.ws, name, input, { lang: lang ?? 'en', door: 'ipc', actor: 'tester' });
  };
  const opened: string[] = [];
  let answer = '';
  const viewer = withScanViewer(
    invoke,
    w.dir,
    () => 'en',
    (file) => {
      opened.push(file);
      return Promise.resolve(answer);
    },
  );
  return { w, file: d.files[0], calls, opened, viewer, fail: (reason: string) => (answer = reason) };
}

describe('P3.3 the desktop opens a signed scan with the system viewer (electron/scan-viewer.ts)', () => {
  it('opens the stored file inside the data folder, after the service checked its hash', async () => {
    const { w, file, calls, opened, viewer } = await desktop();
    expect(await viewer('contracts/open-scan', { contract: 'HT-1', fileId: file.id })).toEqual({
      ok: true,
      value: { opened: true, name: 'signed.pdf' },
    });
    expect(calls).toEqual(['contracts/scan']);
    expect(opened).toEqual([path.join(w.dir, file.path)]);
    expect(opened[0].startsWith(path.join(w.dir, 'contracts') + path.sep)).toBe(true);
  });

  it('a scan changed since it was attached is not opened', async () => {
    const { w, file, opened, viewer } = await desktop();
    fs.appendFileSync(path.join(w.dir, file.path), 'x');
    expect(await viewer('contracts/open-scan', { contract: 'HT-1', fileId: file.id })).toMatchObject({
      ok: false,
      error: { code: 'contracts/scan-changed' },
    });
    expect(opened).toEqual([]);
  });

  it('a path from the page is refused by the contract, never opened', async () => {
    const { opened, viewer } = await desktop();
    const r = await viewer('contracts/open-scan', { contract: 'HT-1', fileId: 1, path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'request/invalid-input' } });
    expect(opened).toEqual([]);
  });

  it('a stored path that leaves contracts/ is refused; the system’s own failure is worded', async () => {
    const { w, file, opened, viewer, fail } = await desktop();
    w.ws.db.prepare("UPDATE contract_files SET path = '../outside.pdf'").run();
    expect(await viewer('contracts/open-scan', { contract: 'HT-1', fileId: file.id })).toMatchObject({
      ok: false,
      error: { code: 'contracts/scan-missing' },
    });
    w.ws.db.prepare('UPDATE contract_files SET path = ?').run(file.path);
    fail('No application is associated with the file');
    const r = await viewer('contracts/open-scan', { contract: 'HT-1', fileId: file.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'contracts/open-failed' } });
    if (!r.ok) expect(r.error.message).toContain('No application is associated');
    expect(opened).toHaveLength(1);
  });

  it('every other operation passes through unchanged', async () => {
    const { calls, viewer } = await desktop();
    expect(await viewer('contracts/get', { contract: 'HT-1' })).toMatchObject({ ok: true });
    expect(calls).toEqual(['contracts/get']);
  });
});
