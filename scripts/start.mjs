#!/usr/bin/env node
// `npm start`: the workbench in its desktop window. First start downloads Electron's binary once;
// where that cannot succeed (offline, firewall) it says so in one line and serves the same workbench
// in the browser instead (`npm run -s web`), so the user's work never waits on a download.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  browserCommand,
  buildIsStale,
  electronArch,
  electronBinary,
  fallbackLine,
  lastReason,
  messageLang,
  nativeBindingIsCurrent,
  versions,
  workbenchUrl,
} from './start-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lang = messageLang();
const say = (en, zh) => process.stderr.write(`${lang === 'zh-CN' ? zh : en}\n`);

/** Runs a child to completion with the user's terminal; stops it too if we are stopped. */
function runInherited(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => {
      if (child.exitCode === null) child.kill(signal);
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const handlers = signals.map((s) => [s, () => forward(s)]);
    for (const [s, h] of handlers) process.on(s, h);
    child.on('error', (e) => {
      for (const [s, h] of handlers) process.off(s, h);
      resolve({ code: 1, error: e });
    });
    child.on('exit', (code, signal) => {
      for (const [s, h] of handlers) process.off(s, h);
      resolve({ code: code ?? 1, signal });
    });
  });
}

function ensureElectron() {
  const existing = electronBinary(root);
  if (existing) return { binary: existing };
  // A status line only on a terminal, erased afterwards: a failure is then reported in exactly one line.
  const status = process.stderr.isTTY;
  const v = versions(root).electron;
  if (status)
    process.stderr.write(
      lang === 'zh-CN' ? `正在下载 Electron ${v}（仅首次启动）…` : `Downloading Electron ${v} (first start only)…`,
    );
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 15 * 60_000,
  });
  if (status) process.stderr.write('\r\x1b[K');
  const binary = r.status === 0 ? electronBinary(root) : undefined;
  if (binary) return { binary };
  const reason = r.error?.code === 'ETIMEDOUT' ? 'timed out' : lastReason(`${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  return { reason: reason || `exit ${r.status}` };
}

function ensureBuild() {
  if (!buildIsStale(root)) return true;
  say('Building the workbench (electron-vite build)…', '正在构建工作台（electron-vite build）…');
  const cli = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

/** True when this Node is an x64 build translated by Rosetta on an Apple silicon Mac. */
function underRosetta() {
  if (process.platform !== 'darwin' || process.arch !== 'x64') return false;
  const r = spawnSync('sysctl', ['-in', 'sysctl.proc_translated'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === '1';
}

function ensureNative() {
  // The binary must match the Electron that runs, which install.js may have chosen for another arch.
  const arch = electronArch(process.platform, process.arch, process.env, underRosetta());
  if (nativeBindingIsCurrent(root, process.platform, arch, versions(root))) return {};
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/electron-native.mjs'), '--platform', process.platform, '--arch', arch],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (r.status === 0) {
    process.stderr.write(r.stdout ?? '');
    return {};
  }
  // electron-native's own one-line message, without its "could not get … (platform-arch): " lead-in
  const line =
    String(r.stderr ?? '')
      .trim()
      .split(/\r?\n/)
      .at(-1) ?? '';
  return { reason: line.replace(/^electron-native: .*?\(\S+\): /, '') || lastReason(r.stderr) || `exit ${r.status}` };
}

/** Browser mode: the same workbench, served on 127.0.0.1 by `npm run -s web`. */
async function serveInBrowser() {
  // npm_execpath is npm's own CLI when started by `npm start`; no shell needed on any platform.
  const npmCli = process.env.npm_execpath;
  const [command, args, shell] = npmCli
    ? [process.execPath, [npmCli, 'run', '-s', 'web'], false]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'web'], process.platform === 'win32'];
  return new Promise((resolve) => {
    // stdout passes through unchanged; we only read it to open the browser on the printed address.
    // On POSIX the server gets its own process group, so that a stop signal reaches the server itself and
    // not only npm and its shell (which would die and leave the server running).
    const group = process.platform !== 'win32';
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], shell, detached: group });
    let opened = false;
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const url = opened ? undefined : workbenchUrl(chunk.toString());
      if (!url || process.env.WORKBENCH_NO_BROWSER) return;
      opened = true;
      const open = browserCommand(process.platform, url);
      if (!open) return;
      const opener = spawn(open[0], open[1], { stdio: 'ignore', detached: true });
      opener.on('error', () => {});
      opener.unref();
    });
    const forward = (signal) => {
      if (child.exitCode !== null) return;
      try {
        if (group) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    };
    const handlers = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => [s, () => forward(s)]);
    for (const [s, h] of handlers) process.on(s, h);
    child.on('error', (e) => {
      say(`Could not start browser mode: ${e.message}`, `无法启动浏览器模式：${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const [s, h] of handlers) process.off(s, h);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

async function main() {
  const electron = ensureElectron();
  if (!electron.binary) {
    process.stderr.write(`${fallbackLine(lang, 'electron', electron.reason)}\n`);
    return serveInBrowser();
  }
  if (!ensureBuild()) return 1;
  const native = ensureNative();
  if (native.reason) {
    process.stderr.write(`${fallbackLine(lang, 'native', native.reason)}\n`);
    return serveInBrowser();
  }
  const env = { ...process.env };
  // Set by some tools (VS Code tasks, CI); it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const r = await runInherited(electron.binary, [root, ...process.argv.slice(2)], { env });
  if (r.error) {
    process.stderr.write(`${fallbackLine(lang, 'electron', r.error.message)}\n`);
    return serveInBrowser();
  }
  return r.signal ? 0 : r.code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`npm start: ${e?.message ?? e}\n`);
    process.exit(1);
  },
);
