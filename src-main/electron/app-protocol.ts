import fs from 'node:fs';
import path from 'node:path';
import { resolveStatic } from '../runtime/static-files';

// No import of 'electron' here: main.ts registers the scheme; what it serves is checked by vitest.

/**
 * The window's page comes from workbench://app/, not file:// (Electron security checklist, issue 17
 * item 15): a file:// page may read other local files and every file:// URL would share its origin;
 * this scheme serves the built renderer's folder and nothing else.
 */
export const APP_SCHEME = 'workbench';
const APP_HOST = 'app';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For protocol.registerSchemesAsPrivileged: a standard, secure origin (like https), nothing more. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** A request on the app's scheme: a file of the built renderer with the CSP header, else 404. */
export async function serveAppRequest(rendererDir: string, rawUrl: string, csp: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return new Response(null, { status: 400 });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response(null, { status: 404 });
  const hit = resolveStatic(path.resolve(rendererDir), url.pathname);
  if (!hit) return new Response(null, { status: 404 });
  const body = new Uint8Array(await fs.promises.readFile(hit.file));
  return new Response(body, {
    status: 200,
    headers: { 'content-type': hit.type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
  });
}
