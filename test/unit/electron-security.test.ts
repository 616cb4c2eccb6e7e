import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSP, cspFor, isAllowedDownload, isAppUrl, isExternalWebUrl } from '../../src-main/electron/security';

const index = '/opt/Sales Workbench/resources/app.asar/out/renderer/index.html';
const origin = { indexUrl: pathToFileURL(index).href };

describe('sender and navigation check (only the app’s own page may call main)', () => {
  it('accepts the app’s index page on any hash route', () => {
    expect(isAppUrl(pathToFileURL(index).href, origin)).toBe(true);
    expect(isAppUrl(`${pathToFileURL(index).href}#/settings`, origin)).toBe(true);
    // Chromium and Node escape differently; the decoded path is what counts
    expect(isAppUrl('file:///opt/Sales%20Workbench/resources/app.asar/out/renderer/index.html#/team', origin)).toBe(true);
  });

  it('refuses other files, other schemes and remote pages', () => {
    expect(isAppUrl('file:///opt/Sales%20Workbench/resources/app.asar/out/renderer/other.html', origin)).toBe(false);
    expect(isAppUrl('file:///tmp/evil/index.html', origin)).toBe(false);
    expect(isAppUrl('file://evil-host/opt/Sales%20Workbench/resources/app.asar/out/renderer/index.html', origin)).toBe(false);
    expect(isAppUrl('https://example.com/index.html', origin)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', origin)).toBe(false);
    expect(isAppUrl('about:blank', origin)).toBe(false);
    expect(isAppUrl('', origin)).toBe(false);
    expect(isAppUrl(undefined, origin)).toBe(false);
    expect(isAppUrl('not a url', origin)).toBe(false);
  });

  it('trusts the dev server’s origin only when one is given', () => {
    const dev = { ...origin, devServerUrl: 'http://localhost:5173' };
    expect(isAppUrl('http://localhost:5173/#/orders', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl(pathToFileURL(index).href, dev)).toBe(true);
  });

  it('compares Windows paths without regard to case', () => {
    const win = { indexUrl: 'file:///C:/Program%20Files/Sales%20Workbench/resources/app.asar/out/renderer/index.html', caseInsensitive: true };
    expect(isAppUrl('file:///c:/program files/sales workbench/resources/app.asar/out/renderer/index.html#/', win)).toBe(true);
    expect(isAppUrl('file:///c:/program files/sales workbench/resources/app.asar/out/renderer/index.html', { ...win, caseInsensitive: false })).toBe(false);
  });

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
    expect(dev).toContain('connect-src \'self\' ws://localhost:5173');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('downloads only the bytes the app made itself (exports), never a remote file', () => {
    expect(isAllowedDownload('blob:file:///6d1f4c52-5a5e-4a43-9d2b-1f0e3a1c9b11')).toBe(true);
    expect(isAllowedDownload('blob:http://localhost:5173/6d1f4c52-5a5e-4a43-9d2b-1f0e3a1c9b11')).toBe(true);
    expect(isAllowedDownload('https://example.com/evil.exe')).toBe(false);
    expect(isAllowedDownload('file:///etc/passwd')).toBe(false);
    expect(isAllowedDownload('data:application/octet-stream;base64,AAAA')).toBe(false);
  });
});
