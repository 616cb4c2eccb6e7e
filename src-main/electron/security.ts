import type { Session, WebContents } from 'electron';

// Only type imports of 'electron': the URL rules below are plain functions that vitest checks.

/**
 * Same policy as the renderer's <meta> tag; the header also covers what the meta tag cannot (frame-ancestors).
 * Scripts: 'self' only, nothing inline. Styles keep 'unsafe-inline' (issue 17 item 15, chosen knowingly):
 * antd's ConfigProvider csp={{ nonce }} puts a nonce on the <style> elements @ant-design/cssinjs adds, but
 * rc-component and antd also write style attributes (modal origins, textarea sizing, popup positions),
 * which a nonce does not cover; and a nonce protects only when it is new for every response, which a
 * static index.html served by two doors does not give. Inline styles cannot run code; 'unsafe-inline' on
 * scripts is what an injection needs, and that stays refused.
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The places the workbench's own page may come from. */
export interface AppOrigin {
  /** The index page on the app's own scheme (app-protocol.ts: workbench://app/index.html). */
  indexUrl: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), never trusted when packaged. */
  devServerUrl?: string;
}

/** True only for the app's own index page (any hash route) or, in development, the dev server's origin. */
export function isAppUrl(raw: string | undefined | null, origin: AppOrigin): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (origin.devServerUrl) {
    try {
      const dev = new URL(origin.devServerUrl);
      if ((dev.protocol === 'http:' || dev.protocol === 'https:') && url.origin === dev.origin) return true;
    } catch {
      // a malformed dev URL trusts nothing
    }
  }
  const index = new URL(origin.indexUrl);
  return (
    url.protocol === index.protocol &&
    url.host === index.host &&
    url.pathname === index.pathname &&
    url.username === '' &&
    url.port === ''
  );
}

/** Links the user may open in the system browser: http and https only (no file:, smb:, javascript:…). */
export function isExternalWebUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The CSP header for a response; the dev server additionally needs its HMR socket and inline preamble. */
export function cspFor(devServerUrl?: string): string {
  if (!devServerUrl) return CSP;
  const dev = new URL(devServerUrl);
  const ws = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  return CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`,
  );
}

/**
 * Only bytes the app's own page made (an export, a template: a blob: URL) may be downloaded; with no save
 * path set, Electron asks the user where to save them. Anything else a page tries to download is refused.
 */
export function isAllowedDownload(url: string): boolean {
  return url.startsWith('blob:');
}

/** Adds the CSP header to every response and refuses every permission request (camera, notifications…). */
export function hardenSession(session: Session, devServerUrl?: string): void {
  const policy = cspFor(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL())) event.preventDefault();
  });
}

/**
 * Navigation, new windows and <webview> are denied for every web contents; http(s) links open in the
 * system browser instead.
 */
export function hardenContents(contents: WebContents, origin: AppOrigin, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, origin)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) openExternal(url);
  });
  // Any frame's navigation (will-navigate covers the main frame only): the app has no frames of its own,
  // so a frame that appears (injected) may not navigate at all, and the page only to itself.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
