import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, serveAppRequest } from '../../src-main/electron/app-protocol';
import {
  CSP,
  cspFor,
  hardenContents,
  isAllowedDownload,
  isAppUrl,
  isExternalWebUrl,
} from '../../src-main/electron/security';
import { tmpDir } from '../support/workspace';

const origin = { indexUrl: APP_INDEX_URL };

describe('sender and navigation check (only the app’s own page may call main)', () => {
  it('accepts the app’s index page on its own scheme, on any hash route', () => {
    expect(APP_INDEX_URL).toBe('workbench://app/index.html');
    expect(isAppUrl(APP_INDEX_URL, origin)).toBe(true);
    expect(isAppUrl(`${APP_INDEX_URL}#/settings`, origin)).toBe(true);
  });

  it('refuses file:// (the page is no longer served from there), other pages, hosts and schemes', () => {
    for (const bad of [
      'file:///opt/Sales%20Workbench/resources/app.asar/out/renderer/index.html',
      'file:///tmp/evil/index.html',
      'workbench://app/other.html',
      'workbench://evil/index.html',
      'workbench://user@app/index.html',
      'workbench://app:81/index.html',
      'https://app/index.html',
      'https://example.com/index.html',
      'http://localhost:5173/',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect([bad, isAppUrl(bad, origin)]).toEqual([bad, false]);
    }
    expect(isAppUrl(undefined, origin)).toBe(false);
  });

  it('trusts the dev server’s origin only when one is given', () => {
    const dev = { ...origin, devServerUrl: 'http://localhost:5173' };
    expect(isAppUrl('http://localhost:5173/#/orders', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl(APP_INDEX_URL, dev)).toBe(true);
  });

  it('lets no frame navigate but the page itself, to itself (will-frame-navigate)', () => {
    const handlers = new Map<string, (e: { url: string; isMainFrame: boolean; preventDefault: () => void }) => void>();
    hardenContents(
      { setWindowOpenHandler: () => {}, on: (event: string, fn: never) => handlers.set(event, fn) } as never,
      origin,
      () => {},
    );
    const navigate = (url: string, isMainFrame: boolean) => {
      let prevented = false;
      handlers.get('will-frame-navigate')!({ url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(navigate(`${APP_INDEX_URL}#/team`, true)).toBe(false);
    expect(navigate('https://evil.example/', true)).toBe(true);
    expect(navigate(`${APP_INDEX_URL}#/team`, false)).toBe(true);
    expect(navigate('https://evil.example/', false)).toBe(true);
  });
});

describe('the app scheme serves the built renderer and nothing else', () => {
  const dir = tmpDir('wb-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>wb</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(dir), 'outside-secret.txt'), 'secret');

  it('answers the index and assets with their type and the CSP header', async () => {
    const page = await serveAppRequest(dir, `${APP_INDEX_URL}#/x`, CSP);
    expect([page.status, page.headers.get('content-type'), page.headers.get('content-security-policy')]).toEqual([
      200,
      'text/html; charset=utf-8',
      CSP,
    ]);
    expect(await page.text()).toContain('<title>wb</title>');
    const js = await serveAppRequest(dir, 'workbench://app/assets/index.js', CSP);
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('refuses paths out of the folder, other hosts and missing files', async () => {
    for (const url of [
      'workbench://app/../outside-secret.txt',
      'workbench://app/%2e%2e/outside-secret.txt',
      'workbench://app/..%2foutside-secret.txt',
      'workbench://other/index.html',
      'workbench://app/missing.js',
      'workbench://app/assets',
    ]) {
      const r = await serveAppRequest(dir, url, CSP);
      expect([url, r.status]).toEqual([url, 404]);
    }
  });
});

describe('links and downloads', () => {
  it('opens only http(s) links outside the app', () => {
    expect(isExternalWebUrl('https://www.electronjs.org/')).toBe(true);
    expect(isExternalWebUrl('http://intranet/report')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'nonsense']) {
      expect(isExternalWebUrl(bad)).toBe(false);
    }
  });

  it('sends the renderer’s meta CSP as a header, loosened for the dev server only', () => {
    expect(cspFor()).toBe(CSP);
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).toContain("frame-ancestors 'none'");
    const dev = cspFor('http://localhost:5173');
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('downloads only the bytes the app made itself (exports), never a remote file', () => {
    expect(isAllowedDownload('blob:workbench://app/6d1f4c52-5a5e-4a43-9d2b-1f0e3a1c9b11')).toBe(true);
    expect(isAllowedDownload('blob:http://localhost:5173/6d1f4c52-5a5e-4a43-9d2b-1f0e3a1c9b11')).toBe(true);
    expect(isAllowedDownload('https://example.com/evil.exe')).toBe(false);
    expect(isAllowedDownload('file:///etc/passwd')).toBe(false);
    expect(isAllowedDownload('data:application/octet-stream;base64,AAAA')).toBe(false);
  });
});
