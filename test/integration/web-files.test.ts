import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../src-main/contract';
import { fileIn, fileOut } from '../../src-main/contract/files';
import { uploadsDir } from '../../src-main/services/files/uploads';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { tmpDir, tmpWorkspace } from '../support/workspace';

// Issue 17 items 11 and 12: browser mode names no file on disk, and a file arrives streamed, never whole.
let env: ReturnType<typeof tmpWorkspace>;
let server: WebServer;
let outside: string;

interface Answer {
  status: number;
  body: string;
}

function post(
  srv: WebServer,
  pathname: string,
  body: Buffer | string | Readable,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: srv.port,
        path: pathname,
        method: 'POST',
        headers: { 'x-workbench-token': srv.token, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (e) =>
      (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET'
        ? undefined
        : reject(e),
    );
    if (body instanceof Readable) body.pipe(req);
    else req.end(body);
  });
}

const invoke = (name: string, input: unknown, lang = 'en') =>
  post(server, `/api/invoke/${name}`, JSON.stringify({ input }), {
    'content-type': 'application/json',
    'x-workbench-lang': lang,
  });
const upload = (srv: WebServer, name: string, body: Buffer | Readable, headers: Record<string, string> = {}) =>
  post(srv, `/api/upload?name=${encodeURIComponent(name)}`, body, {
    'content-type': 'application/octet-stream',
    ...headers,
  });

/** `size` bytes sent 1 MiB at a time from one reused buffer: the test itself holds no copy of the body. */
function stream(size: number, fill = 0x41): Readable {
  const chunk = Buffer.alloc(1024 * 1024, fill);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const n = Math.min(chunk.length, size - sent);
      sent += n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

/** The largest resident set seen while `work` runs, above what it was before. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ value: T; growthMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, growthMb: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

const MB = 1024 * 1024;
const CSV = 'Employee no,Name,Team\nS1,Ann,North\nS2,Bob,North\n';

beforeAll(async () => {
  env = tmpWorkspace();
  outside = tmpDir('wb-outside-');
  server = await startWebServer({ ws: env.ws, port: 0, lang: () => 'en', workers: false });
});
afterAll(async () => {
  await server.close();
  env.ws.close();
});

/** The operations' fields that take a file (contract/files.ts), found in the contract itself. */
function fileFields(): { op: OpName; field: string; kind: 'in' | 'out' }[] {
  const found: { op: OpName; field: string; kind: 'in' | 'out' }[] = [];
  for (const [op, spec] of Object.entries(contract) as [OpName, { input: z.ZodType }][]) {
    let s: z.ZodType = spec.input;
    while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    if (!(s instanceof z.ZodObject)) continue;
    for (const [field, shape] of Object.entries(s.shape)) {
      // The field itself or any optional/default wrapper of it (`fileIn.optional()` where a session can stand in).
      let kind: 'in' | 'out' | null = null;
      for (let v = shape as z.ZodType; ; v = v.unwrap() as z.ZodType) {
        if (v === fileIn) kind = 'in';
        if (v === fileOut) kind = 'out';
        if (kind || !(v instanceof z.ZodDefault || v instanceof z.ZodOptional)) break;
      }
      if (kind) found.push({ op, field, kind });
    }
  }
  return found;
}

describe('no raw paths through HTTP (issue 17 item 11)', () => {
  const secret = () => {
    const file = path.join(outside, 'secret.csv');
    fs.writeFileSync(file, 'TOP-SECRET-FIRST-LINE\n1,2\n');
    return file;
  };
  const someUpload = { upload: 'AAAAAAAAAAAAAAAAAAAAAA' };
  // A valid input for each operation with a file field; the field under test gets the path.
  const base: Partial<Record<OpName, Record<string, unknown>>> = {
    'import/preview': { kind: 'staff', file: someUpload },
    'import/run': { kind: 'staff', file: someUpload },
    'import/problems': { kind: 'staff', file: someUpload },
    'import/template': { kind: 'staff' },
    'export/run': { kind: 'staff' },
    'export/grid': { source: 'customers' },
    'export/rows': { name: 'x', columns: [{ header: 'a' }], rows: [['1']] },
    'targets/export': { year: 2026 },
    'survey/import': { file: someUpload },
    'survey/export': { surveyId: 1 },
    'appraisal/export': { quarter: '2026Q3' },
    'report/appraisal': { quarter: '2026Q3', format: 'html' },
    'contracts/attach': { contract: 'HT-1', file: someUpload },
    'recruit/attach-resume': { candidateId: 1 },
    'report/interview-scorecard': { candidateId: 1 },
    'report/sign-in-sheet': { sessionId: 1 },
    'report/probation-review': { person: 'S1' },
    'training/feedback-import': { sessionId: 1, file: someUpload },
    'sales-report/file': { id: 1, format: 'html' },
    'sales-report/make': { period: '2026-06', format: 'html' },
    'care/export': {},
  };

  it('finds every file field of the contract, and each has a case here', () => {
    const fields = fileFields();
    expect(fields.length).toBeGreaterThanOrEqual(14);
    expect(fields.filter((f) => !base[f.op]).map((f) => f.op)).toEqual([]);
  });

  it('refuses every operation given a path to read or write: stable code, nothing read, nothing written', async () => {
    const read = secret();
    for (const { op, field, kind } of fileFields()) {
      const target = path.join(
        outside,
        `${op.replace('/', '-')}-${field}.${op === 'report/appraisal' ? 'html' : 'xlsx'}`,
      );
      const input = { ...base[op], [field]: { path: kind === 'in' ? read : target } };
      const r = await invoke(op, input);
      const body = JSON.parse(r.body);
      expect([op, field, body.ok, body.error?.code]).toEqual([op, field, false, 'request/disk-path-refused']);
      expect(r.body).not.toContain('TOP-SECRET');
      expect(fs.existsSync(target)).toBe(false);
    }
    expect(fs.readdirSync(outside)).toEqual(['secret.csv']);
  });

  it('says so in the caller’s language, and /etc/passwd is no different', async () => {
    const r = JSON.parse(
      (await invoke('import/preview', { kind: 'staff', file: { path: '/etc/passwd' } }, 'zh-CN')).body,
    );
    expect(r.error.code).toBe('request/disk-path-refused');
    expect(r.error.message).toContain('未读取或写入任何文件');
    expect(JSON.stringify(r)).not.toContain('root:');
  });

  it('exposes only the operations declared for it: desktop printing is not one', async () => {
    const r = JSON.parse((await invoke('report/print', { quarter: '2026Q3', mode: 'pdf' })).body);
    expect(r.error.code).toBe('request/not-exposed');
  });
});

describe('uploads (issue 17 item 12)', () => {
  it('takes a file streamed to /api/upload and reads it by its id, under the name it came with', async () => {
    const up = await upload(server, 'staff list.csv', Buffer.from(CSV));
    const info = JSON.parse(up.body).value as { upload: string; name: string; bytes: number };
    expect(info).toMatchObject({ name: 'staff list.csv', bytes: Buffer.byteLength(CSV) });
    const preview = JSON.parse((await invoke('import/preview', { kind: 'staff', file: { upload: info.upload } })).body);
    expect(preview.ok).toBe(true);
    expect(preview.value).toMatchObject({ file: 'staff list.csv', rows: { read: 2 } });
    const run = JSON.parse((await invoke('import/run', { kind: 'staff', file: { upload: info.upload } })).body);
    expect(run.value).toMatchObject({ committed: true, rows: { inserted: 2 } });
  });

  it('keeps an uploaded name as a plain name inside uploads/, never a path', async () => {
    const up = JSON.parse((await upload(server, '../../escape.csv', Buffer.from(CSV))).body).value;
    expect(up.name).toBe('escape.csv');
    expect(fs.existsSync(path.join(uploadsDir(env.ws.dataDir), up.upload, 'escape.csv'))).toBe(true);
    expect(fs.existsSync(path.join(env.ws.dataDir, 'escape.csv'))).toBe(false);
  });

  it('refuses an unknown upload id and an upload without a name', async () => {
    const r = JSON.parse(
      (await invoke('import/preview', { kind: 'staff', file: { upload: 'BBBBBBBBBBBBBBBBBBBBBB' } })).body,
    );
    expect(r.error.code).toBe('file/upload-missing');
    expect(
      JSON.parse((await invoke('import/preview', { kind: 'staff', file: { upload: '../../etc/passwd' } })).body).error
        .code,
    ).toBe('request/invalid-input');
    const noName = await post(server, '/api/upload', Buffer.from(CSV));
    expect([noName.status, JSON.parse(noName.body).error.code]).toEqual([400, 'http/upload-name']);
  });

  it('streams a large upload to disk in bounded memory and refuses one over the limit while it streams, keeping nothing', async () => {
    const small = await startWebServer({
      ws: env.ws,
      port: 0,
      lang: () => 'en',
      workers: false,
      maxUploadBytes: 200 * MB,
    });
    try {
      const ok = await peakGrowth(() => upload(small, 'big.csv', stream(180 * MB)));
      expect(JSON.parse(ok.value.body).value.bytes).toBe(180 * MB);
      console.log(`[measure] 180 MB upload: +${ok.growthMb.toFixed(1)} MB`);
      // Chunks not yet collected count too; holding the file (or a base64 copy) would cost 180–420 MB.
      expect(ok.growthMb).toBeLessThan(72);
      const before = fs.readdirSync(uploadsDir(env.ws.dataDir)).length;
      // No Content-Length (chunked): the limit is found while streaming, not from the header.
      const over = await peakGrowth(() => upload(small, 'bigger.csv', stream(290 * MB)));
      expect([over.value.status, JSON.parse(over.value.body).error.code]).toEqual([413, 'http/too-large']);
      console.log(`[measure] 290 MB upload refused: +${over.growthMb.toFixed(1)} MB`);
      expect(over.growthMb).toBeLessThan(48);
      expect(fs.readdirSync(uploadsDir(env.ws.dataDir)).length).toBe(before);
      const declared = await upload(small, 'declared.csv', Buffer.alloc(1), { 'content-length': String(201 * MB) });
      expect(declared.status).toBe(413);
    } finally {
      await small.close();
    }
  }, 60_000);

  it('a 290 MB request body costs no more than a few MB: refused at the JSON limit without being kept', async () => {
    const r = await peakGrowth(() =>
      post(server, '/api/invoke/import/preview', stream(290 * MB, 0x20), { 'content-type': 'application/json' }),
    );
    expect([r.value.status, JSON.parse(r.value.body).error.code]).toEqual([413, 'http/too-large']);
    // Before: 2.16 GB for one such body (issue 17 item 12). The JSON limit is 32 MB.
    console.log(`[measure] 290 MB JSON body: +${r.growthMb.toFixed(1)} MB`);
    expect(r.growthMb).toBeLessThan(96);
  }, 60_000);

  it('removes the uploads when the server closes', async () => {
    const other = await startWebServer({ ws: env.ws, port: 0, lang: () => 'en', workers: false });
    await upload(other, 'x.csv', Buffer.from(CSV));
    expect(fs.readdirSync(uploadsDir(env.ws.dataDir)).length).toBeGreaterThan(0);
    await other.close();
    expect(fs.readdirSync(uploadsDir(env.ws.dataDir))).toEqual([]);
  });
});
