import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as plan from '../../scripts/start-plan.mjs';

const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-start-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function write(root: string, rel: string, text = 'x'): string {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
}

function fakeElectron(root: string, opts: { installed?: string; binary?: boolean } = {}) {
  write(root, 'node_modules/electron/package.json', JSON.stringify({ version: '45.5.0' }));
  if (opts.installed) {
    write(root, 'node_modules/electron/path.txt', 'electron');
    write(root, 'node_modules/electron/dist/version', opts.installed);
    if (opts.binary !== false) write(root, 'node_modules/electron/dist/electron');
  }
}

describe('npm start: is Electron there?', () => {
  it('finds the binary install.js put in place, for the installed version only', () => {
    const root = tmp();
    fakeElectron(root, { installed: 'v45.5.0' });
    expect(plan.electronBinary(root, {})).toBe(path.join(root, 'node_modules/electron/dist/electron'));
  });

  it('reports no binary before the first download, after a failed one, or for another version', () => {
    const none = tmp();
    fakeElectron(none);
    expect(plan.electronBinary(none, {})).toBeUndefined();
    const half = tmp();
    fakeElectron(half, { installed: '45.5.0', binary: false });
    expect(plan.electronBinary(half, {})).toBeUndefined();
    const old = tmp();
    fakeElectron(old, { installed: '44.0.0' });
    expect(plan.electronBinary(old, {})).toBeUndefined();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = tmp();
    fakeElectron(root);
    const dist = tmp();
    write(dist, 'electron');
    expect(plan.electronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux')).toBe(path.join(dist, 'electron'));
    expect(plan.electronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'win32')).toBeUndefined();
  });
});

describe('npm start: build and native module', () => {
  it('builds when an output is missing or a source is newer than the oldest output', () => {
    const root = tmp();
    const src = write(root, 'src-main/electron/main.ts');
    write(root, 'package.json', '{}');
    expect(plan.buildIsStale(root)).toBe(true);
    const outs = plan.BUILD_OUTPUTS.map((rel) => write(root, rel));
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(src, past, past);
    fs.utimesSync(path.join(root, 'package.json'), past, past);
    expect(plan.buildIsStale(root)).toBe(false);
    fs.utimesSync(outs[1], new Date(past.getTime() - 60_000), new Date(past.getTime() - 60_000));
    expect(plan.buildIsStale(root)).toBe(true);
    fs.utimesSync(outs[1], new Date(), new Date());
    expect(plan.buildIsStale(root)).toBe(false);
    fs.utimesSync(src, new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
    expect(plan.buildIsStale(root)).toBe(true);
  });

  it('gets the Electron-ABI better-sqlite3 again after Electron or better-sqlite3 changed version', () => {
    const root = tmp();
    const wanted = { electron: '45.5.0', betterSqlite3: '12.11.1' };
    expect(plan.nativeBindingIsCurrent(root, 'linux', 'x64', wanted)).toBe(false);
    const file = write(root, '.electron-native/linux-x64/better_sqlite3.node');
    expect(plan.nativeBindingIsCurrent(root, 'linux', 'x64', wanted)).toBe(false);
    write(root, `.electron-native/linux-x64/${plan.NATIVE_STAMP}`, JSON.stringify(wanted));
    expect(plan.nativeBindingIsCurrent(root, 'linux', 'x64', wanted)).toBe(true);
    expect(plan.nativeBindingIsCurrent(root, 'linux', 'x64', { ...wanted, electron: '46.0.0' })).toBe(false);
    expect(plan.nativeBindingIsCurrent(root, 'linux', 'arm64', wanted)).toBe(false);
    expect(file).toBe(plan.nativeBindingFile(root, 'linux', 'x64'));
  });

  it('prepares the binary for the architecture of the Electron install.js picked', () => {
    expect(plan.electronArch('win32', 'x64', {})).toBe('x64');
    expect(plan.electronArch('darwin', 'x64', {}, true)).toBe('arm64'); // x64 Node under Rosetta gets arm64 Electron
    expect(plan.electronArch('darwin', 'x64', {}, false)).toBe('x64');
    expect(plan.electronArch('darwin', 'x64', { npm_config_arch: 'x64' }, true)).toBe('x64');
    expect(plan.electronArch('linux', 'x64', { ELECTRON_INSTALL_ARCH: 'arm64' })).toBe('arm64');
  });

  it('reads the target of native:electron, with universal meaning both Mac architectures', () => {
    const host = { platform: 'linux', arch: 'x64' };
    expect(plan.parseNativeArgs([], host)).toMatchObject({ platform: 'linux', archs: ['x64'], force: false });
    expect(plan.parseNativeArgs(['--platform', 'darwin', '--arch', 'universal'], host).archs).toEqual(['x64', 'arm64']);
    expect(plan.parseNativeArgs(['--platform=win32', '--arch=x64', '--force'], host)).toMatchObject({
      platform: 'win32',
      archs: ['x64'],
      force: true,
    });
    expect(() => plan.parseNativeArgs(['--arch', 'universal'], host)).toThrow(/darwin/);
    expect(() => plan.parseNativeArgs(['--platform', 'beos'], host)).toThrow(/platform/);
    expect(() => plan.parseNativeArgs(['--arch'], host)).toThrow(/value/);
    expect(() => plan.parseNativeArgs(['--bogus'], host)).toThrow(/unknown/);
  });
});

describe('npm start: falling back to browser mode', () => {
  it('says why in one line, with the mirror hint for mainland China, in the user’s language', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const line = plan.fallbackLine(lang, 'electron', 'no network connection');
      expect(line).not.toContain('\n');
      expect(line).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/');
      expect(line).toContain('no network connection');
      expect(plan.fallbackLine(lang, 'native', 'x')).not.toContain('\n');
    }
    expect(plan.fallbackLine('zh-CN', 'electron')).toMatch(/浏览器/);
    expect(plan.messageLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(plan.messageLang({ LANG: 'en_US.UTF-8' })).toBe('en');
  });

  it('names the cause of a failed download, not its stack trace', () => {
    const installJs =
      'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///x.js:46:30)\n';
    expect(plan.lastReason(installJs)).toBe('no network connection');
    expect(
      plan.lastReason('prebuild-install info begin\nprebuild-install warn install getaddrinfo ENOTFOUND github.com\n'),
    ).toBe('getaddrinfo ENOTFOUND github.com');
    expect(plan.lastReason('RequestError: connect ECONNREFUSED 127.0.0.1:1\n    at foo (bar.js:1:1)')).toBe(
      'RequestError: connect ECONNREFUSED 127.0.0.1:1',
    );
    expect(plan.lastReason('HTTPError: Response code 404 (Not Found) for http://mirror/v45.5.0/electron.zip')).toMatch(
      /404/,
    );
    expect(plan.lastReason('')).toBe('');
  });

  it('opens the printed address in a browser only where there is a desktop', () => {
    const out = 'Workbench: http://127.0.0.1:4780/?token=abc123\n';
    const url = plan.workbenchUrl(out);
    expect(url).toBe('http://127.0.0.1:4780/?token=abc123');
    expect(plan.workbenchUrl('Workbench: http://evil.example/')).toBeUndefined();
    expect(plan.browserCommand('linux', url!, {})).toBeUndefined();
    expect(plan.browserCommand('linux', url!, { DISPLAY: ':0' })).toEqual(['xdg-open', [url]]);
    expect(plan.browserCommand('darwin', url!, {})).toEqual(['open', [url]]);
    expect(plan.browserCommand('win32', url!, {})?.[0]).toBe('rundll32');
  });
});
