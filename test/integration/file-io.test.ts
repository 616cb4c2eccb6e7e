import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src-main/contract/files';
import { readFileIn } from '../../src-main/services/files/read';
import { receiveUpload, sweepUploads, uploadedFile, uploadsDir } from '../../src-main/services/files/uploads';
import { safeFileName, writeFileOut } from '../../src-main/services/files/write';
import { tmpDir, tmpWorkspace } from '../support/workspace';

// Issue 11 item 1: one reader and one writer for every file an operation takes or gives.

describe('the one reader', () => {
  it('refuses a file over the limit from its size, before reading it', () => {
    const dir = tmpDir();
    const big = path.join(dir, 'huge.xlsx');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, MAX_FILE_BYTES + 1); // sparse: no memory, no disk
    fs.closeSync(fd);
    const before = process.memoryUsage().rss;
    expect(() => readFileIn(dir, { path: big })).toThrow(expect.objectContaining({ code: 'import/file-too-large' }));
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('names a missing file, a folder and an expired upload with their own codes', () => {
    const dir = tmpDir();
    expect(() => readFileIn(dir, { path: path.join(dir, 'nope.csv') })).toThrow(
      expect.objectContaining({ code: 'file/not-found' }),
    );
    expect(() => readFileIn(dir, { path: dir })).toThrow(
      expect.objectContaining({ code: 'file/unreadable', params: expect.objectContaining({ reason: 'EISDIR' }) }),
    );
    expect(() => readFileIn(dir, { upload: 'CCCCCCCCCCCCCCCCCCCCCC' })).toThrow(
      expect.objectContaining({ code: 'file/upload-missing' }),
    );
    expect(() => uploadedFile(dir, '../../etc')).toThrow(expect.objectContaining({ code: 'file/upload-missing' }));
  });

  it('reads an upload by its id under its received name', async () => {
    const dir = tmpDir();
    const info = await receiveUpload(dir, 'C:\\Users\\me\\订单.csv', [Buffer.from('a,b\n'), Buffer.from('1,2\n')]);
    expect(info).toMatchObject({ name: '订单.csv', bytes: 8 });
    const r = readFileIn(dir, { upload: info.upload });
    expect([r.name, Buffer.from(r.bytes).toString()]).toEqual(['订单.csv', 'a,b\n1,2\n']);
  });

  it('an upload over the limit leaves nothing behind', async () => {
    const dir = tmpDir();
    await expect(receiveUpload(dir, 'x.csv', [Buffer.alloc(600), Buffer.alloc(600)], 1000)).rejects.toMatchObject({
      code: 'import/file-too-large',
    });
    expect(fs.readdirSync(uploadsDir(dir))).toEqual([]);
  });

  it('forgets uploads after a day', async () => {
    const dir = tmpDir();
    const info = await receiveUpload(dir, 'x.csv', [Buffer.from('x')]);
    expect(sweepUploads(dir, 24 * 3600_000, Date.now() + 3600_000)).toBe(0);
    expect(sweepUploads(dir, 24 * 3600_000, Date.now() + 25 * 3600_000)).toBe(1);
    expect(() => uploadedFile(dir, info.upload)).toThrow(expect.objectContaining({ code: 'file/upload-missing' }));
  });
});

describe('the one writer', () => {
  it('writes beside and renames: a failed write leaves the old file as it was and no partial file', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'report.xlsx');
    fs.writeFileSync(out, 'old');
    expect(writeFileOut({ path: out }, 'x.xlsx', Buffer.from('new'))).toMatchObject({
      name: 'report.xlsx',
      path: out,
      bytes: 3,
    });
    expect(fs.readFileSync(out, 'utf8')).toBe('new');
    // A folder where the file should go: the rename fails, nothing is left beside it.
    const blocked = path.join(dir, 'blocked.xlsx');
    fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
    expect(() => writeFileOut({ path: blocked }, 'x.xlsx', Buffer.from('new'))).toThrow(
      expect.objectContaining({ code: 'file/unwritable' }),
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['blocked.xlsx', 'report.xlsx']);
  });

  it('checks the extension and the folder before writing, and hands the bytes back without a target', () => {
    const dir = tmpDir();
    expect(() => writeFileOut({ path: path.join(dir, 'a.pdf') }, 'a.xlsx', Buffer.from('x'))).toThrow(
      expect.objectContaining({ code: 'file/bad-extension' }),
    );
    expect(() => writeFileOut({ path: path.join(dir, 'no', 'a.xlsx') }, 'a.xlsx', Buffer.from('x'))).toThrow(
      expect.objectContaining({ code: 'file/out-dir-missing' }),
    );
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(writeFileOut(undefined, 'a.xlsx', Buffer.from('xyz'))).toEqual({
      name: 'a.xlsx',
      path: null,
      bytes: 3,
      base64: 'eHl6',
    });
  });

  it('makes a plain file name of user data', () => {
    expect(safeFileName('../..\\Q3: survey?.xlsx', 'f')).toBe('Q3_ survey_.xlsx');
    expect(safeFileName('..', 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});

describe('grid sort and filter names are own fields only (issue 17 item 13)', () => {
  it('ignores constructor, toString, __proto__ and hasOwnProperty instead of failing as internal', async () => {
    const w = tmpWorkspace();
    for (const op of ['customers/page', 'orders/page'] as const) {
      for (const field of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        const sorted = await w.attempt(op, { sort: [{ field, dir: 'asc' }] });
        expect([op, field, sorted.ok]).toEqual([op, field, true]);
        const filtered = await w.attempt(op, JSON.parse(`{"filters": {"${field}": {"type": "equals", "value": "x"}}}`));
        expect([op, field, filtered.ok]).toEqual([op, field, true]);
      }
    }
    const kind = await w.attempt('import/template', { kind: 'constructor' });
    expect(kind.ok || kind.error.code).toBe('import/unknown-kind');
    const exportKind = await w.attempt('export/run', { kind: 'toString' });
    expect(exportKind.ok || exportKind.error.code).toBe('export/unknown-kind');
    w.ws.close();
  });
});
