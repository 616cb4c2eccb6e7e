import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { tmpDir, tmpWorkspace } from '../support/workspace';
import fs from 'node:fs';
import path from 'node:path';

let env: ReturnType<typeof tmpWorkspace>;
let server: WebServer;
let staticDir: string;

/** A raw request, so that Host and Origin can be set as a hostile page or a rebinding DNS name would. */
function request(pathname: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathname, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const invoke = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/api/invoke/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-token': server.token, ...headers },
    body: JSON.stringify({ input }),
  });

beforeAll(async () => {
  env = tmpWorkspace();
  staticDir = tmpDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>wb</title>');
  server = await startWebServer({ ws: env.ws, port: 0, lang: () => 'en', workers: false, staticDir });
});
afterAll(async () => {
  await server.close();
  env.ws.close();
});

describe('browser mode (cli.md: token and Origin checks)', () => {
  it('prints a 127.0.0.1 address with the per-run token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await request('/', { headers: { host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await request('/..%2f..%2fetc%2fpasswd', { headers: { host: `127.0.0.1:${server.port}` } });
    expect(escape.status).toBe(404);
  });

  it('lets the browser keep the hashed build files for good, and asks for the page every time (issue 12 item 11)', async () => {
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'assets', 'index-AbC123.js'), 'export {};');
    const host = { host: `127.0.0.1:${server.port}` };
    const page = await request('/', { headers: host });
    expect(page.headers['cache-control']).toBe('no-store');
    const script = await request('/assets/index-AbC123.js', { headers: host });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body).toBe('export {};');
  });

  it('answers a call with the token', async () => {
    const r = await invoke('system/info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { firstRun: true } });
  });

  it('refuses calls without the token (401), from a foreign Origin (403) or a foreign Host (403)', async () => {
    expect((await request('/api/invoke/system/info', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await invoke('system/info', {}, { 'x-workbench-token': 'wrong' })).status).toBe(401);
    expect((await invoke('system/info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke('system/info', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await request(`/api/events?token=nope`)).status).toBe(401);
  });

  it('validates payloads: bad JSON, bad envelope and bad input get codes, and nothing is written', async () => {
    const bad = await request('/api/invoke/staff/create', {
      method: 'POST',
      headers: { 'x-workbench-token': server.token },
      body: '{not json',
    });
    expect([bad.status, JSON.parse(bad.body).error.code]).toEqual([400, 'http/bad-request']);
    const env2 = await request('/api/invoke/staff/create', {
      method: 'POST',
      headers: { 'x-workbench-token': server.token },
      body: '{"foo":1}',
    });
    expect(env2.status).toBe(400);
    const input = await invoke(
      'staff/create',
      { employeeNo: 'S1', name: 'A', email: 'broken' },
      { 'x-workbench-lang': 'zh-CN' },
    );
    const body = JSON.parse(input.body);
    expect(body).toMatchObject({ ok: false, error: { code: 'request/invalid-input' } });
    expect(body.error.message).toContain('电子邮件');
    expect(env.ws.db.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 0 });
    const unknown = await invoke('staff/explode', {});
    expect(JSON.parse(unknown.body).error.code).toBe('request/unknown-operation');
  });

  it('refuses an oversized request with 413 and a message in the caller’s language; the HTTP refusals speak it too', async () => {
    const small = await startWebServer({
      ws: env.ws,
      port: 0,
      lang: () => 'en',
      workers: false,
      staticDir,
      maxBodyBytes: 1024,
    });
    try {
      const big = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: small.port,
            path: '/api/invoke/import/preview',
            method: 'POST',
            headers: { 'x-workbench-token': small.token, 'x-workbench-lang': 'zh-CN' },
          },
          (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode!, body }));
          },
        );
        req.on('error', reject);
        req.end(
          JSON.stringify({ input: { kind: 'orders', file: { upload: 'A'.repeat(22) }, sheet: 'A'.repeat(4096) } }),
        );
      });
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body).error).toMatchObject({
        code: 'http/too-large',
        message: expect.stringContaining('MB'),
      });
      expect(JSON.parse(big.body).error.message).toMatch(/未做任何更改/);
    } finally {
      await small.close();
    }
    const denied = await invoke('system/info', {}, { 'x-workbench-token': 'wrong', 'x-workbench-lang': 'zh-CN' });
    expect(JSON.parse(denied.body).error.message).toContain('访问码');
    const envelopeBad = await request('/api/invoke/system/info', {
      method: 'POST',
      headers: { 'x-workbench-token': server.token },
      body: '{"foo":1}',
    });
    expect(JSON.parse(envelopeBad.body).error.code).toBe('http/bad-envelope');
  });
});
