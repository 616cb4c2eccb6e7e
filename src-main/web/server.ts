import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { contract, isOpName } from '../contract';
import { isWorkbenchError } from '../contract/errors';
import { MAX_FILE_BYTES } from '../contract/files';
import type { ProgressEvent } from '../contract/define';
import type { WorkbenchEvent, WorkbenchEvents } from '../contract/events';
import type { Workspace } from '../db/workspace';
import { parseLang, t, type Lang } from '../i18n/messages';
import { dispatch, toErrorPayload } from '../runtime/dispatch';
import { createJobRunner } from '../runtime/jobs';
import { defaultActor } from '../services/context';
import { receiveUpload, sweepUploads } from '../services/files/uploads';
import { resolveStatic } from '../runtime/static-files';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface WebServerOptions {
  ws: Workspace;
  port: number;
  lang: () => Lang;
  /** Serve the built renderer from this folder; otherwise `middleware` (Vite) serves the sources. */
  staticDir?: string;
  middleware?: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
  /** Run long operations in a worker thread (the default); tests may run them inline. */
  workers?: boolean;
  token?: string;
  /** The largest JSON request body accepted: tests lower it. */
  maxBodyBytes?: number;
  /** The largest file POST /api/upload accepts: tests lower it. */
  maxUploadBytes?: number;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

const envelope = z.object({ input: z.unknown().optional(), jobId: z.string().min(1).max(64).optional() }).strict();
/**
 * Files no longer travel inside JSON (they go to /api/upload), so an operation's input is small; the
 * largest is "export what the grid shows" for grids held in the window (a few thousand rows).
 */
const MAX_BODY = 32 * 1024 * 1024;
const MB = 1024 * 1024;

class BodyTooLarge extends Error {}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The request's chunks, without the iterator's return(): leaving the loop early must not destroy the socket
 * before the refusal is sent. `drain()` reads what is left through the same iterator, keeping nothing.
 */
function chunksOf(req: http.IncomingMessage): AsyncIterable<Buffer> & { drain: () => Promise<void> } {
  const it = req[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]: () => ({ next: () => it.next() }),
    drain: async () => {
      while (!(await it.next()).done);
    },
  };
}

function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // An oversized body is read to its end without being kept, so that the 413 answer reaches the caller.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => (size > max ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * The page is asked for again every time (it names the current build's files); the build's files under
 * /assets/ carry a hash of their content in their names, so a browser may keep them as long as it likes,
 * and the next opening of a screen reads its code from the cache. Nothing is compressed: on 127.0.0.1
 * the bytes cost far less to send than to pack.
 */
function cacheControl(pathname: string, type: string): string {
  if (type.startsWith('text/html')) return 'no-store';
  return pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'max-age=3600';
}

const built = new Map<string, { mtimeMs: number; size: number; body: Buffer }>();

/**
 * A file of the built renderer, read once and kept while it is unchanged (a few MB in all). It is sent in
 * one write: streamed in 64 kB pieces, a large chunk waited between pieces for every call the server was
 * answering (issue 12 item 11: the dashboard's code and its figures arrive together at the first opening).
 */
function builtFile(file: string): Buffer {
  const stat = fs.statSync(file);
  const kept = built.get(file);
  if (kept && kept.mtimeMs === stat.mtimeMs && kept.size === stat.size) return kept.body;
  const body = fs.readFileSync(file);
  built.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  return body;
}

/**
 * Browser mode: the renderer and the services over HTTP on 127.0.0.1 only. Every API call needs the
 * per-run token; a foreign Origin or Host is refused, so other sites and other machines cannot call in.
 */
export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const token = o.token ?? randomBytes(24).toString('base64url');
  const listeners = new Set<http.ServerResponse>();
  const broadcast = <E extends WorkbenchEvent>(event: E, data: WorkbenchEvents[E]) => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const runner =
    o.workers === false
      ? undefined
      : createJobRunner({
          dataDir: o.ws.dataDir,
          lang: o.lang,
          actor: defaultActor,
          onProgress: (e: ProgressEvent) => broadcast('job/progress', e),
        });
  let port = o.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const lang =
      parseLang(req.headers['x-workbench-lang']) ??
      parseLang(req.headers['accept-language']?.split(',')[0]) ??
      o.lang();
    // Refusals of the HTTP door itself, with a stable code and a message in the caller's language.
    const refuse = (status: number, code: string, params: Record<string, unknown> = {}) =>
      sendJson(res, status, { ok: false, error: { code, message: t(lang, `errors.${code}`, params) } });
    const origin = req.headers.origin;
    if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return refuse(403, 'http/forbidden-origin');
    const given =
      (req.headers['x-workbench-token'] as string | undefined) ??
      (url.pathname === '/api/events' ? (url.searchParams.get('token') ?? undefined) : undefined);
    if (!sameSecret(given, token)) return refuse(401, 'http/unauthorized');

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      // A file for an operation's `{ upload }` input: streamed to the data folder, never held whole (issue 17 item 12).
      const maxUpload = o.maxUploadBytes ?? MAX_FILE_BYTES;
      const tooLarge = () => {
        req.resume();
        res.setHeader('connection', 'close');
        refuse(413, 'http/too-large', { maxMb: Math.round(maxUpload / MB) });
      };
      const fileName = url.searchParams.get('name') ?? '';
      if (fileName.trim() === '' || fileName.length > 255) {
        req.resume();
        return refuse(400, 'http/upload-name');
      }
      if (Number(req.headers['content-length']) > maxUpload) return tooLarge();
      const chunks = chunksOf(req);
      try {
        sendJson(res, 200, { ok: true, value: await receiveUpload(o.ws.dataDir, fileName, chunks, maxUpload) });
      } catch (e) {
        if (!isWorkbenchError(e) || e.code !== 'import/file-too-large') throw e;
        // Found while streaming: the rest is read to its end without being kept, then answered, as readBody does.
        // Closing at once would reset a caller still sending, which might then never see the 413.
        await chunks.drain().catch(() => undefined);
        refuse(413, 'http/too-large', { maxMb: Math.round(maxUpload / MB) });
      }
      return;
    }
    const name = url.pathname.startsWith('/api/invoke/') ? url.pathname.slice('/api/invoke/'.length) : '';
    if (req.method !== 'POST' || !name) return refuse(404, 'http/not-found');
    const max = o.maxBodyBytes ?? MAX_BODY;
    let body: unknown;
    try {
      const text = await readBody(req, max);
      body = text ? JSON.parse(text) : {};
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuse(413, 'http/too-large', { maxMb: Math.round(max / 1024 / 1024) });
      return refuse(400, 'http/bad-request');
    }
    const env = envelope.safeParse(body);
    if (!env.success) return refuse(400, 'http/bad-envelope');
    const result = await dispatch(o.ws, name, env.data.input ?? {}, {
      lang,
      door: 'http',
      jobId: env.data.jobId,
      runLong: runner ? (op, input, jobId, jobLang) => runner.run(op, input, jobId, jobLang) : undefined,
      cancelJob: runner ? (id) => runner.cancel(id) : undefined,
      jobsRunning: runner ? () => runner.running() : undefined,
    });
    if (result.ok && isOpName(name) && contract[name].mutates) broadcast('data/changed', { operation: name });
    sendJson(res, 200, result);
  }

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) {
      res.writeHead(403).end('Forbidden host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      api(req, res, url).catch((e) => {
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: toErrorPayload(e, 'web request', o.lang(), o.ws.dataDir) });
      });
      return;
    }
    if (o.staticDir) {
      const hit =
        resolveStatic(o.staticDir, url.pathname) ??
        (url.pathname.includes('.') ? undefined : resolveStatic(o.staticDir, '/index.html'));
      if (!hit) {
        res.writeHead(404).end('Not found');
        return;
      }
      let body: Buffer;
      try {
        body = builtFile(hit.file);
      } catch {
        res.writeHead(404).end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': hit.type,
        'content-length': body.length,
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': cacheControl(url.pathname, hit.type),
      });
      res.end(body);
      return;
    }
    if (o.middleware) o.middleware(req, res, () => res.writeHead(404).end('Not found'));
    else res.writeHead(404).end('Not found');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  sweepUploads(o.ws.dataDir);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    async close() {
      for (const res of listeners) res.end();
      await runner?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      // Uploads serve the session that made them; none outlives the server.
      sweepUploads(o.ws.dataDir, 0);
    },
  };
}
